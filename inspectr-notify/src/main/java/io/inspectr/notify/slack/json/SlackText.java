package io.inspectr.notify.slack.json;

import static java.util.Objects.requireNonNull;

/**
 * A Block Kit text object.
 *
 * @param type {@code mrkdwn} or {@code plain_text}
 * @param text the text; never empty (Slack rejects empty text)
 * @since 0.1
 */
public record SlackText(String type, String text) {

  /** Checks the parts. */
  public SlackText {
    requireNonNull(type, "type");
    requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Slack rejects an empty " + type + " text object");
    }
  }

  /**
   * Formatted text.
   *
   * @param text mrkdwn, already escaped
   * @return never {@code null}
   */
  public static SlackText mrkdwn(String text) {
    return new SlackText("mrkdwn", text);
  }

  /**
   * Plain text.
   *
   * @param text any text
   * @return never {@code null}
   */
  public static SlackText plain(String text) {
    return new SlackText("plain_text", text);
  }
}
