/**
 * The wire shape of a Slack incoming-webhook message: {@link
 * io.inspectr.notify.slack.json.SlackMessage} with its Block Kit {@link
 * io.inspectr.notify.slack.json.Block}s and {@link io.inspectr.notify.slack.json.SlackText}
 * objects, written by Jackson. Only the block types inspectr sends are modelled.
 */
@NullMarked
package io.inspectr.notify.slack.json;

import org.jspecify.annotations.NullMarked;
