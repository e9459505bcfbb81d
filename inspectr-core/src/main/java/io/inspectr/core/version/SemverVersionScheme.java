package io.inspectr.core.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict semantic versioning 2.0.0 ({@code MAJOR.MINOR.PATCH[-prerelease][+build]}), with one
 * optional lowercase {@code v} in front because that is how such tags are usually pushed.
 *
 * <p>Unlike {@code docker}, a {@code -label} is a pre-release, not a channel, and pre-releases
 * order by semver precedence ({@code 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta}). Build metadata
 * does not take part in the order.
 *
 * @since 0.1
 */
public final class SemverVersionScheme implements VersionScheme {
  /** The scheme's id. */
  public static final String ID = "semver";

  static final SemverVersionScheme INSTANCE = new SemverVersionScheme();

  // The expression recommended by semver.org, with the optional "v". Docker tags cannot hold '+',
  // so the build part only matters for tags read from elsewhere.
  private static final Pattern SEMVER =
      Pattern.compile(
          "^(v?)(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  private SemverVersionScheme() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Version> parse(String tag) {
    if (tag.length() > 256) {
      return Optional.empty();
    }
    Matcher m = SEMVER.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    long[] numbers = {
      Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))
    };
    String preRelease = m.group(5) == null ? "" : m.group(5);
    return Optional.of(
        new Version(tag, m.group(1), numbers, preRelease, "", Version.PreReleaseOrder.SEMVER));
  }

  @Override
  public String toString() {
    return ID;
  }
}
