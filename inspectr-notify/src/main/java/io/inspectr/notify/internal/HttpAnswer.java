package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A receiver's answer.
 *
 * @param status the HTTP status
 * @param body the body as text (UTF-8), cut at {@link NotifyHttp#MAX_BODY_BYTES}
 * @param retryAfter the wait a {@code Retry-After} header asked for, or {@code null}
 */
public record HttpAnswer(int status, String body, @Nullable Duration retryAfter) {

  /** Checks the parts. */
  public HttpAnswer {
    requireNonNull(body, "body");
  }

  /**
   * Whether the status is 2xx.
   *
   * @return {@code true} for success
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
