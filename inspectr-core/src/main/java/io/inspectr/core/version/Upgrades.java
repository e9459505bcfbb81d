package io.inspectr.core.version;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The upgrades found for a running tag.
 *
 * @param running the running tag, or {@code null} when the image runs by digest alone
 * @param versioned whether the running tag is a version under the policy's scheme; when not (e.g.
 *     {@code latest}), there are no upgrades and only a digest comparison can tell that it changed
 * @param upgrades every newer compatible tag, oldest first, one tag per version
 * @param newestPatch the newest upgrade with the same major and minor parts, or {@code null}
 * @param newestMinor the newest upgrade with the same major and another minor part, or {@code null}
 * @param newestMajor the newest upgrade with another major part, or {@code null}
 * @since 0.1
 */
public record Upgrades(
    @Nullable String running,
    boolean versioned,
    List<String> upgrades,
    @Nullable String newestPatch,
    @Nullable String newestMinor,
    @Nullable String newestMajor) {

  /** Copies the list; checks that only versioned tags have upgrades. */
  public Upgrades {
    upgrades = List.copyOf(requireNonNull(upgrades, "upgrades"));
    if (!versioned && !upgrades.isEmpty()) {
      throw new IllegalArgumentException("A tag that is not a version has no upgrades: " + running);
    }
  }

  /**
   * No upgrades for a tag that is not a version (or for a reference without a tag).
   *
   * @param running the tag, or {@code null}
   * @return never {@code null}
   */
  public static Upgrades notVersioned(@Nullable String running) {
    return new Upgrades(running, false, List.of(), null, null, null);
  }

  /**
   * How many versions behind the running tag is: the number of upgrades.
   *
   * @return 0 when up to date or not versioned
   */
  public int behind() {
    return upgrades.size();
  }

  /**
   * The newest upgrade of all.
   *
   * @return empty when up to date
   */
  public Optional<String> newest() {
    return upgrades.isEmpty() ? Optional.empty() : Optional.of(upgrades.get(upgrades.size() - 1));
  }

  /**
   * Whether any upgrade exists.
   *
   * @return {@code true} when behind
   */
  public boolean isOutdated() {
    return !upgrades.isEmpty();
  }
}
