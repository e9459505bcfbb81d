/**
 * What every notifier shares and no user should call: the HTTP exchange with its timeouts and
 * without HttpClient's own retries or redirects ({@link io.inspectr.notify.internal.NotifyHttp}),
 * the polite sender that spaces messages and honours {@code 429 Retry-After} with a cap ({@link
 * io.inspectr.notify.internal.ThrottledHttp}), the one place that turns an HTTP status into a
 * delivery outcome ({@link io.inspectr.notify.internal.HttpVerdict}), the injected {@link
 * io.inspectr.notify.internal.Sleeper}, and the scrubbing of secrets out of messages ({@link
 * io.inspectr.notify.internal.Redactor}).
 *
 * <p>Everything here may change without notice.
 */
@NullMarked
package io.inspectr.notify.internal;

import org.jspecify.annotations.NullMarked;
