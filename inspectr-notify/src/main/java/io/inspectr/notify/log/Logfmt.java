package io.inspectr.notify.log;

/** Values in logfmt: bare when they are simple, otherwise double-quoted with escapes. */
final class Logfmt {
  private Logfmt() {}

  /**
   * A value as logfmt writes it.
   *
   * @param value any text
   * @return e.g. {@code 1.27.0} or {@code "a b"}
   */
  static String value(String value) {
    boolean bare = !value.isEmpty();
    for (int i = 0; i < value.length() && bare; i++) {
      char c = value.charAt(i);
      bare = c > ' ' && c != '"' && c != '=' && c != '\\' && c < 127;
    }
    if (bare) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
