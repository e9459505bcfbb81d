package io.inspectr.registry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials of a docker {@code config.json}, read again when the file changes, so renewed
 * credentials (e.g. ECR tokens, which live 12 hours, in a Kubernetes Secret mounted as the file)
 * are used without a restart. At most every {@link #RECHECK_EVERY} (by the clock) the file's
 * modification time, size and identity are compared with the last read; any difference reads it
 * again. A missing file means no credentials; a file that cannot be read or parsed keeps the
 * credentials read before, with a warning. Thread-safe.
 */
public final class DockerConfigFile implements Supplier<Keyring> {
  /** How often the file is looked at, at most. */
  public static final Duration RECHECK_EVERY = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DockerConfigFile.class);
  private static final Keyring NONE = new Keyring(Map.of());

  private final Path file;
  private final Clock clock;
  private volatile Snapshot snapshot;

  /**
   * Reads the file for the first time.
   *
   * @param file the docker {@code config.json}; need not exist
   * @param clock when to look again
   */
  public DockerConfigFile(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    Stamp stamp = stamp(file);
    this.snapshot = new Snapshot(read(stamp, NONE), stamp, clock.instant().plus(RECHECK_EVERY));
  }

  /**
   * The credentials as the file holds them now, looked at no more often than {@link
   * #RECHECK_EVERY}.
   *
   * @return never {@code null}; empty when there is no file
   */
  @Override
  public Keyring get() {
    Instant now = clock.instant();
    Snapshot s = snapshot;
    if (now.isBefore(s.nextCheck())) {
      return s.keyring();
    }
    synchronized (this) {
      s = snapshot;
      if (now.isBefore(s.nextCheck())) {
        return s.keyring();
      }
      Stamp stamp = stamp(file);
      Keyring keyring = stamp.equals(s.stamp()) ? s.keyring() : read(stamp, s.keyring());
      snapshot = new Snapshot(keyring, stamp, now.plus(RECHECK_EVERY));
      return keyring;
    }
  }

  /** The file's content now, or {@code previous} when it cannot be used. */
  private Keyring read(Stamp stamp, Keyring previous) {
    if (stamp.equals(Stamp.MISSING)) {
      if (!previous.isEmpty()) {
        LOG.info("The docker config {} is gone; using no credentials from it", file);
      }
      return NONE;
    }
    try {
      Keyring keyring = new Keyring(DockerConfig.parse(Files.readAllBytes(file)));
      LOG.debug("Read registry credentials from {}", file);
      return keyring;
    } catch (IOException | IllegalArgumentException e) {
      // The message never holds the content: DockerConfig keeps secrets out of it.
      if (previous.isEmpty()) {
        LOG.warn("Ignoring the docker config {}: {}", file, e.getMessage());
      } else {
        LOG.warn(
            "Ignoring the docker config {} as it is now ({}); keeping what it held before",
            file,
            e.getMessage());
      }
      return previous;
    }
  }

  /**
   * What tells one version of the file from the next: a Secret's update swaps a symlink to a new
   * file (another identity); an editor rewrites it (another time or size).
   */
  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return Stamp.MISSING;
      }
      return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
    } catch (NoSuchFileException e) {
      return Stamp.MISSING;
    } catch (IOException e) {
      LOG.debug("Cannot look at the docker config {}: {}", file, e.toString());
      return Stamp.MISSING;
    }
  }

  private record Stamp(@Nullable FileTime modified, long size, @Nullable Object key) {
    static final Stamp MISSING = new Stamp(null, -1, null);
  }

  private record Snapshot(Keyring keyring, Stamp stamp, Instant nextCheck) {}
}
