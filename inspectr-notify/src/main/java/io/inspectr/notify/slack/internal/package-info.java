/**
 * Posting to a Slack incoming webhook, shared by the Slack notifier and the JIRA notifier's issue
 * links: {@link io.inspectr.notify.slack.internal.SlackWebhook} spaces messages about one a second,
 * waits out {@code 429}, and explains Slack's plain-text error codes ({@link
 * io.inspectr.notify.slack.internal.SlackErrors}). May change without notice.
 */
@NullMarked
package io.inspectr.notify.slack.internal;

import org.jspecify.annotations.NullMarked;
