package io.inspectr.notify.slack.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.ResultKey;
import io.inspectr.notify.slack.json.SlackMessage;
import java.util.Set;

/**
 * One message of a report and the results it carries: they count as delivered when it is.
 *
 * @param message the message
 * @param keys the results it tells about
 */
public record SlackPost(SlackMessage message, Set<ResultKey> keys) {
  /** Checks and copies the parts. */
  public SlackPost {
    requireNonNull(message, "message");
    keys = Set.copyOf(keys);
  }
}
