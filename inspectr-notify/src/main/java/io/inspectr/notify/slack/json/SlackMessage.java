package io.inspectr.notify.slack.json;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of an incoming-webhook POST. With blocks, {@code text} is the fallback shown in
 * notifications and read by screen readers, so it is always set.
 *
 * @param text the fallback text (mrkdwn); never empty
 * @param blocks the Block Kit blocks, or {@code null} for a text-only message
 * @param username the sender name; honoured by legacy webhooks and Mattermost, ignored by Slack app
 *     webhooks; {@code null} to leave it out
 * @since 0.1
 */
public record SlackMessage(String text, @Nullable List<Block> blocks, @Nullable String username) {

  /** Checks and copies the parts. */
  public SlackMessage {
    requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("A Slack message needs a fallback text");
    }
    blocks = blocks == null ? null : List.copyOf(blocks);
  }

  /**
   * A text-only message.
   *
   * @param text the text
   * @param username the sender name, or {@code null}
   * @return never {@code null}
   */
  public static SlackMessage text(String text, @Nullable String username) {
    return new SlackMessage(text, null, username);
  }

  /**
   * How many characters of text the message holds: the fallback and every block.
   *
   * @return the count
   */
  public int characters() {
    int n = text.length();
    if (blocks != null) {
      for (Block block : blocks) {
        n += block.characters();
      }
    }
    return n;
  }
}
