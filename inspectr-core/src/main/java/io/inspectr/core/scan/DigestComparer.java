package io.inspectr.core.scan;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.Repository;
import io.inspectr.core.result.DigestCheck;
import io.inspectr.core.spi.AvailableImageData;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RegistryAccessException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tells whether the tags of one repository still point to what runs. A tag is unchanged when the
 * registry serves the running digest, or an index one of whose platform manifests is the running
 * digest (nodes pull one platform of a multi-platform image). The registry is asked once per tag
 * and once per index, however many containers run them.
 *
 * <p>Not thread-safe: use one per repository and thread.
 *
 * @since 0.1
 */
public final class DigestComparer {
  private final AvailableImageData registry;
  private final Repository repository;
  private final LookupCredentials credentials;
  private final Map<String, ManifestDigest> byTag = new HashMap<>();
  private final Map<Digest, List<Digest>> platforms = new HashMap<>();

  /**
   * Creates a comparer for one repository.
   *
   * @param registry where digests come from
   * @param repository the repository
   * @param credentials credentials that came with the containers
   */
  public DigestComparer(
      AvailableImageData registry, Repository repository, LookupCredentials credentials) {
    this.registry = requireNonNull(registry, "registry");
    this.repository = requireNonNull(repository, "repository");
    this.credentials = requireNonNull(credentials, "credentials");
  }

  /**
   * Compares what a tag points to now with what runs.
   *
   * @param tag the running tag
   * @param running the running digest, or {@code null} when unknown
   * @return {@link DigestCheck#unknown()} without a running digest, else unchanged or rebuilt
   * @throws RegistryAccessException when the registry cannot say
   */
  public DigestCheck check(String tag, @Nullable Digest running) throws RegistryAccessException {
    if (running == null) {
      return DigestCheck.unknown();
    }
    ManifestDigest current = byTag.get(tag);
    if (current == null) {
      current = registry.digest(repository, tag, credentials);
      byTag.put(tag, current);
    }
    if (current.digest().equals(running)) {
      return DigestCheck.unchanged(current.digest());
    }
    if (current.isIndex()) {
      List<Digest> children = platforms.get(current.digest());
      if (children == null) {
        children = registry.childDigests(repository, current.digest(), credentials);
        platforms.put(current.digest(), children);
      }
      if (children.contains(running)) {
        return DigestCheck.unchanged(current.digest());
      }
    }
    return DigestCheck.rebuilt(current.digest());
  }
}
