package io.inspectr.core.version;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What counts as an upgrade for one container: the version scheme, how far upgrades may move, which
 * tags are considered, and whether pre-releases are.
 *
 * <p>The default ({@link #defaults()}) is the docker scheme, no pin, every tag, no pre-releases
 * unless the running tag is one. Immutable; change it with the {@code with...} methods.
 *
 * @param scheme how tags are read as versions
 * @param pin how far an upgrade may move
 * @param includeTags only tags matching this are candidates; {@code null} for all
 * @param excludeTags tags matching this are never candidates; {@code null} for none
 * @param allowPreRelease whether pre-releases are candidates even when the running tag is stable
 * @since 0.1
 */
public record UpgradePolicy(
    VersionScheme scheme,
    Pin pin,
    @Nullable TagPattern includeTags,
    @Nullable TagPattern excludeTags,
    boolean allowPreRelease) {

  private static final UpgradePolicy DEFAULTS =
      new UpgradePolicy(VersionScheme.docker(), Pin.NONE, null, null, false);

  /** Checks the required parts. */
  public UpgradePolicy {
    requireNonNull(scheme, "scheme");
    requireNonNull(pin, "pin");
  }

  /**
   * The default policy: docker scheme, no pin, all tags, stable versions only.
   *
   * @return never {@code null}
   */
  public static UpgradePolicy defaults() {
    return DEFAULTS;
  }

  /**
   * This policy with another scheme.
   *
   * @param newScheme never {@code null}
   * @return a new policy
   */
  public UpgradePolicy withScheme(VersionScheme newScheme) {
    return new UpgradePolicy(newScheme, pin, includeTags, excludeTags, allowPreRelease);
  }

  /**
   * This policy with another pin.
   *
   * @param newPin never {@code null}
   * @return a new policy
   */
  public UpgradePolicy withPin(Pin newPin) {
    return new UpgradePolicy(scheme, newPin, includeTags, excludeTags, allowPreRelease);
  }

  /**
   * This policy considering only tags that match {@code regex}.
   *
   * @param regex a regular expression, or {@code null} for all tags
   * @return a new policy
   * @throws IllegalArgumentException when {@code regex} does not compile
   */
  public UpgradePolicy withIncludeTags(@Nullable String regex) {
    return new UpgradePolicy(
        scheme, pin, regex == null ? null : new TagPattern(regex), excludeTags, allowPreRelease);
  }

  /**
   * This policy ignoring tags that match {@code regex}.
   *
   * @param regex a regular expression, or {@code null} for none
   * @return a new policy
   * @throws IllegalArgumentException when {@code regex} does not compile
   */
  public UpgradePolicy withExcludeTags(@Nullable String regex) {
    return new UpgradePolicy(
        scheme, pin, includeTags, regex == null ? null : new TagPattern(regex), allowPreRelease);
  }

  /**
   * This policy with pre-releases allowed or not.
   *
   * @param allow whether stable running tags may be offered pre-releases
   * @return a new policy
   */
  public UpgradePolicy withAllowPreRelease(boolean allow) {
    return new UpgradePolicy(scheme, pin, includeTags, excludeTags, allow);
  }
}
