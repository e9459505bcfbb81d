/**
 * The Slack notifier: reports posted to an incoming webhook as Block Kit messages grouped by image,
 * split within Slack's limits, about one a second, waiting out rate limits. Start at {@link
 * io.inspectr.notify.slack.SlackNotifierProvider}; the configuration is {@link
 * io.inspectr.notify.slack.SlackNotifierConfig}. Wire shapes live in {@code
 * io.inspectr.notify.slack.json}.
 */
@NullMarked
package io.inspectr.notify.slack;

import org.jspecify.annotations.NullMarked;
