/**
 * The documented JSON body of the generic webhook, schema {@code inspectr.report.v1}: {@link
 * io.inspectr.notify.webhook.json.WebhookPayload} with a {@link
 * io.inspectr.notify.webhook.json.WebhookFinding} per finding. Fields only ever get added within a
 * schema version; absent values are left out.
 */
@NullMarked
package io.inspectr.notify.webhook.json;

import org.jspecify.annotations.NullMarked;
