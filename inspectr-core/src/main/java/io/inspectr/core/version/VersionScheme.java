package io.inspectr.core.version;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Reads tags as versions. A scheme decides which tags are versions at all and how they order;
 * {@link UpgradeFinder} decides which of them are upgrades.
 *
 * <p>Three schemes exist, chosen by {@link #of(String)}:
 *
 * <ul>
 *   <li>{@code docker} (the default): {@code [v]N(.N)*[prerelease][-suffix]}, see {@link
 *       DockerVersionScheme};
 *   <li>{@code semver}: strict semantic versioning 2.0.0 with an optional {@code v}, see {@link
 *       SemverVersionScheme};
 *   <li>{@code regex:<pattern>}: a regular expression with named groups, see {@link
 *       RegexVersionScheme}.
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe, and {@link #parse} never throws for any input.
 *
 * @since 0.1
 */
public interface VersionScheme {

  /**
   * The scheme as it is written in configuration: {@code docker}, {@code semver} or {@code
   * regex:<pattern>}; {@link #of(String)} reads it back.
   *
   * @return never {@code null}
   */
  String id();

  /**
   * Reads a tag as a version.
   *
   * @param tag any tag, never {@code null}
   * @return the version, or empty when the tag is not a version under this scheme
   */
  Optional<Version> parse(String tag);

  /**
   * The default scheme.
   *
   * @return the {@code docker} scheme
   */
  static VersionScheme docker() {
    return DockerVersionScheme.INSTANCE;
  }

  /**
   * Reads a scheme from configuration.
   *
   * @param spec {@code docker}, {@code semver} or {@code regex:<pattern>}; never {@code null}
   * @return the scheme
   * @throws IllegalArgumentException when the spec names no scheme or the pattern is not a valid
   *     regular expression with at least a {@code major} group; the message names the spec and the
   *     valid forms
   */
  static VersionScheme of(String spec) {
    requireNonNull(spec, "spec");
    String trimmed = spec.strip();
    if (trimmed.equals(DockerVersionScheme.ID)) {
      return docker();
    }
    if (trimmed.equals(SemverVersionScheme.ID)) {
      return SemverVersionScheme.INSTANCE;
    }
    if (trimmed.startsWith(RegexVersionScheme.PREFIX)) {
      return new RegexVersionScheme(trimmed.substring(RegexVersionScheme.PREFIX.length()));
    }
    throw new IllegalArgumentException(
        "Unknown version scheme \""
            + spec
            + "\": use docker (the default), semver, or regex:<pattern> with named groups such as"
            + " (?<major>\\d+)");
  }
}
