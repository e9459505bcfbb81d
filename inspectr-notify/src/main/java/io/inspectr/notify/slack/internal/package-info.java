/**
 * How the Slack notifier works: {@link io.inspectr.notify.slack.internal.SlackReportLayout} lays a
 * report out as Block Kit messages within Slack's limits (one unit per image, packed by {@code
 * MessagePacker}); {@link io.inspectr.notify.slack.internal.SlackWebhook}, shared with the JIRA
 * notifier's issue links, posts them about one a second, waits out {@code 429}, and explains
 * Slack's plain-text error codes ({@link io.inspectr.notify.slack.internal.SlackErrors}). May
 * change without notice.
 */
@NullMarked
package io.inspectr.notify.slack.internal;

import org.jspecify.annotations.NullMarked;
