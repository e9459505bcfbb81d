package io.inspectr.core.version;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A scheme defined by a regular expression with named groups, for tags no other scheme reads:
 * calendar versions, build numbers, vendor revisions.
 *
 * <ul>
 *   <li>{@code major} (required), {@code minor}, {@code patch}, {@code build}, {@code revision}:
 *       numeric parts in that order; a group that did not take part in the match counts as 0;
 *   <li>{@code prerelease}: a pre-release label (natural order, stable above pre-release);
 *   <li>{@code compatibility}: a channel that candidates must share with the running tag.
 * </ul>
 *
 * <p>The whole tag must match. For example, Bitnami's {@code 16.1.0-debian-12-r5} upgrades across
 * revisions with {@code
 * regex:^(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)-(?<compatibility>debian-\d+)-r(?<build>\d+)$}.
 *
 * @since 0.1
 */
public final class RegexVersionScheme implements VersionScheme {
  /** How the scheme is written in configuration, before the pattern. */
  public static final String PREFIX = "regex:";

  private static final List<String> NUMERIC_GROUPS =
      List.of("major", "minor", "patch", "build", "revision");

  private final Pattern pattern;
  private final List<String> numericGroups;
  private final boolean hasPreRelease;
  private final boolean hasCompatibility;

  /**
   * Compiles the scheme.
   *
   * @param regex the pattern, never {@code null}
   * @throws IllegalArgumentException when the pattern does not compile, has no {@code major} group,
   *     or a numeric group that is not contiguous with the ones before it
   */
  public RegexVersionScheme(String regex) {
    requireNonNull(regex, "regex");
    try {
      this.pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Version scheme \""
              + PREFIX
              + regex
              + "\" is not a valid regular expression: "
              + e.getDescription(),
          e);
    }
    Set<String> groups = namedGroups(regex);
    if (!groups.contains("major")) {
      throw new IllegalArgumentException(
          "Version scheme \""
              + PREFIX
              + regex
              + "\" needs a named group (?<major>...); optional groups are minor, patch, build,"
              + " revision, prerelease and compatibility");
    }
    List<String> numeric = new ArrayList<>();
    for (String name : NUMERIC_GROUPS) {
      if (groups.contains(name)) {
        if (numeric.size() != NUMERIC_GROUPS.indexOf(name)) {
          throw new IllegalArgumentException(
              "Version scheme \""
                  + PREFIX
                  + regex
                  + "\" has the group "
                  + name
                  + " but not "
                  + NUMERIC_GROUPS.get(numeric.size())
                  + "; numeric groups go major, minor, patch, build, revision without gaps");
        }
        numeric.add(name);
      }
    }
    this.numericGroups = List.copyOf(numeric);
    this.hasPreRelease = groups.contains("prerelease");
    this.hasCompatibility = groups.contains("compatibility");
  }

  @Override
  public String id() {
    return PREFIX + pattern.pattern();
  }

  /**
   * {@inheritDoc}
   *
   * @throws RegexTimeoutException when the pattern backtracks catastrophically on {@code tag}
   */
  @Override
  public Optional<Version> parse(String tag) {
    return Optional.ofNullable(
        parseOrNull(tag, RegexBudget.deadline(RegexBudget.SINGLE_MATCH_BUDGET)));
  }

  /** {@link #parse} within a deadline shared by a whole upgrade search. */
  Version parseOrNull(String tag, long deadlineNanos) {
    Matcher m = pattern.matcher(RegexBudget.bounded(tag, deadlineNanos, pattern.pattern()));
    if (!m.matches()) {
      return null;
    }
    long[] numbers = new long[numericGroups.size()];
    for (int i = 0; i < numbers.length; i++) {
      String value = m.group(numericGroups.get(i));
      if (value == null || value.isEmpty()) {
        numbers[i] = 0;
        continue;
      }
      if (value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      numbers[i] = Long.parseLong(value);
    }
    String preRelease = hasPreRelease ? nullToEmpty(m.group("prerelease")) : "";
    String compatibility = hasCompatibility ? nullToEmpty(m.group("compatibility")) : "";
    return new Version(
        tag, "", numbers, preRelease, compatibility, Version.PreReleaseOrder.NATURAL);
  }

  /**
   * The names of the capturing groups {@code (?<name>...)} in a pattern. Java 17 has no API for
   * this; an escaped parenthesis ({@code \\(}) does not open a group.
   */
  private static Set<String> namedGroups(String regex) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i + 3 < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++; // skip the escaped character
        continue;
      }
      if (c == '(' && regex.startsWith("?<", i + 1)) {
        int start = i + 3;
        int end = start;
        while (end < regex.length() && Character.isLetterOrDigit(regex.charAt(end))) {
          end++;
        }
        if (end > start && end < regex.length() && regex.charAt(end) == '>') {
          names.add(regex.substring(start, end));
        }
      }
    }
    return names;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexVersionScheme that && pattern.pattern().equals(that.pattern.pattern());
  }

  @Override
  public int hashCode() {
    return pattern.pattern().hashCode();
  }

  @Override
  public String toString() {
    return id();
  }
}
