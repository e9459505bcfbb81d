package io.inspectr.notify.slack.internal;

/** Slack's mrkdwn: escaping of {@code & < >} and the few marks inspectr uses. */
final class Mrkdwn {
  private Mrkdwn() {}

  /**
   * Escapes the three characters Slack requires escaped.
   *
   * @param text any text
   * @return the escaped text
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Code: {@code `text`}, escaped.
   *
   * @param text any text without backticks
   * @return the mrkdwn
   */
  static String code(String text) {
    return "`" + escape(text.replace('`', '\'')) + "`";
  }

  /**
   * Bold: {@code *text*}, escaped.
   *
   * @param text any text
   * @return the mrkdwn
   */
  static String bold(String text) {
    return "*" + escape(text) + "*";
  }

  /**
   * Cuts text to at most {@code max} characters, ending in an ellipsis when cut, without splitting
   * a surrogate pair.
   *
   * @param text any text
   * @param max the most characters, at least 2
   * @return the text, or its start and {@code …}
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
