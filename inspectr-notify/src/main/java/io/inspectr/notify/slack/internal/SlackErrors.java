package io.inspectr.notify.slack.internal;

import io.inspectr.notify.internal.ErrorExplainer;
import io.inspectr.notify.internal.HttpAnswer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's incoming-webhook errors: plain-text codes such as {@code no_service}, and what a person
 * does about each.
 */
public final class SlackErrors implements ErrorExplainer {
  /** The one instance. */
  public static final SlackErrors INSTANCE = new SlackErrors();

  private static final String REPLACE_WEBHOOK =
      "create a new incoming webhook in Slack and set it as inspectr.notify.slack.webhook-url (or"
          + " INSPECTR_SLACK_WEBHOOK_ID)";
  private static final String REPORT_BUG =
      "report this as an inspectr bug with its version: Slack rejected a message inspectr built";

  private static final Map<String, String> FIXES =
      Map.ofEntries(
          Map.entry(
              "no_service",
              "check the webhook: Slack no longer knows it (revoked, disabled, or its app was"
                  + " uninstalled); "
                  + REPLACE_WEBHOOK),
          Map.entry(
              "channel_not_found",
              "check the webhook's channel: it was deleted or renamed; " + REPLACE_WEBHOOK),
          Map.entry(
              "channel_is_archived",
              "unarchive the channel, or " + REPLACE_WEBHOOK + " for another channel"),
          Map.entry(
              "action_prohibited",
              "ask a Slack admin: posting to this channel is restricted for the webhook's app"),
          Map.entry(
              "posting_to_general_channel_denied",
              "ask a Slack admin: only some members may post to the general channel"),
          Map.entry("invalid_token", REPLACE_WEBHOOK + ": its token is no longer valid"),
          Map.entry("no_team", REPLACE_WEBHOOK + ": its workspace is gone"),
          Map.entry("team_disabled", REPLACE_WEBHOOK + ": its workspace is disabled"),
          Map.entry("user_not_found", REPLACE_WEBHOOK + ": the user it posts as is gone"),
          Map.entry("invalid_payload", REPORT_BUG),
          Map.entry("invalid_blocks", REPORT_BUG),
          Map.entry("invalid_blocks_format", REPORT_BUG),
          Map.entry("msg_blocks_too_long", REPORT_BUG),
          Map.entry("no_text", REPORT_BUG),
          Map.entry("missing_text_or_fallback_or_attachments", REPORT_BUG),
          Map.entry("too_many_attachments", REPORT_BUG),
          Map.entry("rollup_error", "wait: Slack had an internal error and inspectr will retry"));

  private SlackErrors() {}

  @Override
  public Optional<String> fix(HttpAnswer answer) {
    return Optional.ofNullable(FIXES.get(code(answer)));
  }

  /**
   * The error code of an answer: its body when that is one word, e.g. {@code no_service}.
   *
   * @param answer the answer
   * @return the code in lowercase, or {@code ""} when the body is not a code
   */
  public static String code(HttpAnswer answer) {
    String body = answer.body().strip();
    return body.matches("[A-Za-z_]{2,64}") ? body.toLowerCase(Locale.ROOT) : "";
  }
}
