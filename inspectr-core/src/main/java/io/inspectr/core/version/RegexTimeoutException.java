package io.inspectr.core.version;

/**
 * A tag pattern or a {@code regex:} scheme took too long to match: it backtracks catastrophically
 * (e.g. {@code (.*a){12}b}). Unchecked: it is a configuration error of the policy, reported on the
 * container or image that uses it; the rest of the scan goes on.
 *
 * @since 0.1
 */
public final class RegexTimeoutException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String pattern;

  /**
   * Creates the exception.
   *
   * @param pattern the pattern that ran too long
   */
  public RegexTimeoutException(String pattern) {
    super(
        "The regular expression \""
            + pattern
            + "\" took too long to match tags: it backtracks catastrophically; simplify it, e.g."
            + " avoid nested or repeated groups around .* such as (.*a){12}");
    this.pattern = pattern;
  }

  /**
   * The pattern that ran too long.
   *
   * @return never {@code null}
   */
  public String pattern() {
    return pattern;
  }
}
