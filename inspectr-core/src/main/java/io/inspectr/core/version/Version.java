package io.inspectr.core.version;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A tag read as a version by a {@link VersionScheme}: numeric parts, an optional pre-release, an
 * optional compatibility channel (the docker suffix such as {@code alpine}) and an optional {@code
 * v} prefix.
 *
 * <p>The natural order sorts by version, then by the tag text, so it is a total order consistent
 * with {@link #equals}: two versions are equal only when they come from the same tag under the same
 * kind of scheme. Use {@link #compareVersion} to ask whether two tags name the same version (such
 * as {@code v1.2.3} and {@code 1.2.3}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Version implements Comparable<Version> {
  /** How pre-release labels compare; it differs between schemes. */
  enum PreReleaseOrder {
    /** Letter runs alphabetically, digit runs numerically: {@code rc9 < rc10}. */
    NATURAL,
    /** Semantic versioning 2.0.0, item 11: dot-separated identifiers. */
    SEMVER
  }

  private final String tag;
  private final String prefix;
  private final long[] numbers;
  private final String preRelease;
  private final String compatibility;
  private final PreReleaseOrder order;

  Version(
      String tag,
      String prefix,
      long[] numbers,
      String preRelease,
      String compatibility,
      PreReleaseOrder order) {
    this.tag = requireNonNull(tag, "tag");
    this.prefix = requireNonNull(prefix, "prefix");
    this.numbers = requireNonNull(numbers, "numbers");
    this.preRelease = requireNonNull(preRelease, "preRelease");
    this.compatibility = requireNonNull(compatibility, "compatibility");
    this.order = requireNonNull(order, "order");
    if (numbers.length == 0) {
      throw new IllegalArgumentException("A version needs at least one number: " + tag);
    }
  }

  /**
   * The tag this version was read from, e.g. {@code v1.25.3-alpine}.
   *
   * @return never {@code null}
   */
  public String tag() {
    return tag;
  }

  /**
   * The ignored prefix, {@code "v"} or {@code ""}.
   *
   * @return never {@code null}
   */
  public String prefix() {
    return prefix;
  }

  /**
   * How many numeric parts the version has: 2 for {@code 1.25}, 3 for {@code 1.25.3}.
   *
   * @return at least 1
   */
  public int precision() {
    return numbers.length;
  }

  /**
   * A numeric part, counted from 0; parts beyond the precision are 0.
   *
   * @param index 0 for the major part
   * @return the part, never negative
   */
  public long part(int index) {
    return index < numbers.length ? numbers[index] : 0;
  }

  /**
   * The first numeric part.
   *
   * @return never negative
   */
  public long major() {
    return part(0);
  }

  /**
   * The second numeric part, 0 when absent.
   *
   * @return never negative
   */
  public long minor() {
    return part(1);
  }

  /**
   * The pre-release label, e.g. {@code b1} in {@code 3.7.0b1} or {@code rc.1} in semver {@code
   * 2.0.0-rc.1}; empty for a stable version.
   *
   * @return never {@code null}
   */
  public String preRelease() {
    return preRelease;
  }

  /**
   * Whether this is a pre-release.
   *
   * @return {@code true} when {@link #preRelease()} is not empty
   */
  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  /**
   * The compatibility channel, e.g. {@code alpine} in {@code 1.25.3-alpine}; empty when none.
   *
   * @return never {@code null}
   */
  public String compatibility() {
    return compatibility;
  }

  /**
   * Whether {@code other} can replace this version without changing channel or precision: same
   * compatibility channel and the same number of numeric parts ({@code 1.25} is a floating tag that
   * moves to {@code 1.26}, never to {@code 1.25.4}).
   *
   * @param other never {@code null}
   * @return {@code true} when compatible
   */
  public boolean isCompatibleWith(Version other) {
    return numbers.length == other.numbers.length
        && compatibility.equals(other.compatibility)
        && order == other.order;
  }

  /**
   * Whether both have the same numeric parts, e.g. {@code 3.7.0b1} and {@code 3.7.0}.
   *
   * @param other never {@code null}
   * @return {@code true} when every numeric part is equal
   */
  public boolean hasSameNumbers(Version other) {
    return Arrays.equals(numbers, other.numbers);
  }

  /**
   * Compares the versions these tags denote, ignoring the tag text and the {@code v} prefix.
   * Numeric parts first (when one runs out, the shorter is greater, as docker tags float), then a
   * stable version above its pre-releases, then pre-release labels, then the compatibility channel.
   *
   * @param other never {@code null}
   * @return negative, zero or positive as this version is older, the same or newer
   */
  public int compareVersion(Version other) {
    int common = Math.min(numbers.length, other.numbers.length);
    for (int i = 0; i < common; i++) {
      int c = Long.compare(numbers[i], other.numbers[i]);
      if (c != 0) {
        return c;
      }
    }
    if (numbers.length != other.numbers.length) {
      return numbers.length < other.numbers.length ? 1 : -1;
    }
    if (preRelease.isEmpty() != other.preRelease.isEmpty()) {
      return preRelease.isEmpty() ? 1 : -1;
    }
    if (order != other.order) {
      return order.compareTo(other.order);
    }
    int c =
        order == PreReleaseOrder.SEMVER
            ? PreReleases.compareSemver(preRelease, other.preRelease)
            : PreReleases.compareNatural(preRelease, other.preRelease);
    if (c != 0) {
      return c;
    }
    return compatibility.compareTo(other.compatibility);
  }

  /** By version, then by scheme kind and tag text, so that distinct tags never compare equal. */
  @Override
  public int compareTo(Version other) {
    int c = compareVersion(other);
    if (c != 0) {
      return c;
    }
    c = order.compareTo(other.order);
    return c != 0 ? c : tag.compareTo(other.tag);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version that && tag.equals(that.tag) && order == that.order;
  }

  @Override
  public int hashCode() {
    return tag.hashCode() * 31 + order.hashCode();
  }

  /** The tag. */
  @Override
  public String toString() {
    return tag;
  }
}
