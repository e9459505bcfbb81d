/**
 * The generic webhook notifier: each report as one JSON request of a documented schema ({@code
 * io.inspectr.notify.webhook.json}), with configurable headers and an optional HMAC-SHA256
 * signature. Start at {@link io.inspectr.notify.webhook.WebhookNotifierProvider}; the configuration
 * is {@link io.inspectr.notify.webhook.WebhookNotifierConfig}.
 */
@NullMarked
package io.inspectr.notify.webhook;

import org.jspecify.annotations.NullMarked;
