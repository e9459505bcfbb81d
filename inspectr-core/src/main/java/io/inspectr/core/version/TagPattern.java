package io.inspectr.core.version;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression over tags, compiled once. Matching uses {@link
 * java.util.regex.Matcher#find}: {@code alpine} matches any tag containing it; anchor with {@code
 * ^...$} for whole tags.
 *
 * @param regex the expression
 * @since 0.1
 */
public record TagPattern(String regex) {

  /**
   * Validates the expression.
   *
   * @throws IllegalArgumentException naming the expression and what is wrong with it
   */
  public TagPattern {
    requireNonNull(regex, "regex");
    compile(regex);
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Tag pattern \"" + regex + "\" is not a valid regular expression: " + e.getDescription(),
          e);
    }
  }

  /**
   * The compiled expression. Compiling is cheap next to matching thousands of tags, and a record
   * cannot carry a derived field, so {@link UpgradeFinder} compiles once per search.
   *
   * @return never {@code null}
   */
  Pattern compiled() {
    return compile(regex);
  }
}
