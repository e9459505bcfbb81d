package io.inspectr.k8s.internal;

import java.util.regex.Pattern;

/** Shell-style globs over names: {@code *} is any run of characters, {@code ?} any one. */
public final class Glob {
  private Glob() {}

  /**
   * Whether a glob matches the whole name.
   *
   * @param glob e.g. {@code team-*}
   * @param name e.g. {@code team-a}
   * @return {@code true} when it matches
   */
  public static boolean matches(String glob, String name) {
    if (!isPattern(glob)) {
      return glob.equals(name);
    }
    return toRegex(glob).matcher(name).matches();
  }

  /**
   * Whether the text holds a wildcard, as opposed to a literal name.
   *
   * @param glob never {@code null}
   * @return {@code true} when it contains {@code *} or {@code ?}
   */
  public static boolean isPattern(String glob) {
    return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
  }

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder(glob.length() + 8);
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString());
  }
}
