package io.inspectr.notify.slack.json;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Block Kit layout block: {@code header}, {@code section} (text and up to ten fields), {@code
 * context} or {@code divider}. Absent parts are left out of the JSON.
 *
 * @param type the block type
 * @param text the text of a header or section, or {@code null}
 * @param fields the fields of a section, or {@code null}
 * @param elements the elements of a context block, or {@code null}
 * @since 0.1
 */
public record Block(
    String type,
    @Nullable SlackText text,
    @Nullable List<SlackText> fields,
    @Nullable List<SlackText> elements) {

  /** Checks and copies the parts. */
  public Block {
    requireNonNull(type, "type");
    fields = fields == null ? null : List.copyOf(fields);
    elements = elements == null ? null : List.copyOf(elements);
  }

  /**
   * A header: large plain text.
   *
   * @param text plain text
   * @return never {@code null}
   */
  public static Block header(String text) {
    return new Block("header", SlackText.plain(text), null, null);
  }

  /**
   * A section of formatted text.
   *
   * @param mrkdwn the text
   * @return never {@code null}
   */
  public static Block section(String mrkdwn) {
    return new Block("section", SlackText.mrkdwn(mrkdwn), null, null);
  }

  /**
   * A section of formatted text with fields shown in two columns.
   *
   * @param mrkdwn the text
   * @param fields the fields, formatted
   * @return never {@code null}
   */
  public static Block section(String mrkdwn, List<String> fields) {
    return new Block(
        "section",
        SlackText.mrkdwn(mrkdwn),
        fields.isEmpty() ? null : fields.stream().map(SlackText::mrkdwn).toList(),
        null);
  }

  /**
   * Small print.
   *
   * @param mrkdwn the text
   * @return never {@code null}
   */
  public static Block context(String mrkdwn) {
    return new Block("context", null, null, List.of(SlackText.mrkdwn(mrkdwn)));
  }

  /**
   * A line between blocks.
   *
   * @return never {@code null}
   */
  public static Block divider() {
    return new Block("divider", null, null, null);
  }

  /**
   * How many characters of text the block holds, all parts together: what Slack's message size
   * limits count.
   *
   * @return zero for a divider
   */
  public int characters() {
    int n = text == null ? 0 : text.text().length();
    for (List<SlackText> part : java.util.Arrays.asList(fields, elements)) {
      if (part != null) {
        for (SlackText t : part) {
          n += t.text().length();
        }
      }
    }
    return n;
  }
}
