package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.version.Upgrades;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What inspectr found for one {@link ResultKey}: the running image, how many pods run it, its
 * upgrades, and whether its tag was rebuilt.
 *
 * @param key what the result is unique by
 * @param image the running image reference (tag and, when pinned, digest)
 * @param runningDigest the digest that runs, or {@code null} when unknown
 * @param pods how many pods run this container with this image
 * @param init whether it is an init container
 * @param upgrades the upgrades of the running tag
 * @param digestCheck the rebuilt-tag comparison
 * @param warnings problems on the workload that did not stop the scan (a bad annotation)
 * @since 0.1
 */
public record InspectrResult(
    ResultKey key,
    ImageReference image,
    @Nullable Digest runningDigest,
    int pods,
    boolean init,
    Upgrades upgrades,
    DigestCheck digestCheck,
    List<String> warnings) {

  /** Checks and copies the parts. */
  public InspectrResult {
    requireNonNull(key, "key");
    requireNonNull(image, "image");
    requireNonNull(upgrades, "upgrades");
    requireNonNull(digestCheck, "digestCheck");
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
    if (pods < 0) {
      throw new IllegalArgumentException("pods must not be negative: " + pods + " for " + key);
    }
  }

  /**
   * Whether there is something to tell: an upgrade exists or the tag was rebuilt.
   *
   * @return {@code true} when outdated or rebuilt
   */
  public boolean isFinding() {
    return upgrades.isOutdated() || digestCheck.isRebuilt();
  }

  /**
   * What an alert about this result is about: the newest upgrade and the rebuilt digest. An alert
   * is sent again only when this changes, so a result is not repeated while nothing new appears.
   *
   * @return never {@code null}; empty when there is nothing to tell
   */
  public String alertFingerprint() {
    if (!isFinding()) {
      return "";
    }
    String newest = upgrades.newest().orElse("");
    Digest current = digestCheck.isRebuilt() ? digestCheck.current() : null;
    return current == null ? newest : newest + "@" + current;
  }
}
