package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A notifier could not deliver anything: its receiver is unreachable, refused the request, or is
 * misconfigured. Carries the notifier's id so that the failure can be told apart from the others.
 * Per-finding failures are reported as {@link DeliveryOutcome}s instead.
 *
 * @since 0.1
 */
public class NotificationException extends InspectrException {
  private static final long serialVersionUID = 1L;

  private final String notifierId;

  /**
   * Creates the exception.
   *
   * @param notifierId the notifier's id, e.g. {@code slack}
   * @param message what failed and why; never secrets
   * @param retryable whether trying again later may succeed
   * @param cause the underlying failure, or {@code null}
   */
  public NotificationException(
      String notifierId, String message, boolean retryable, @Nullable Throwable cause) {
    super(requireNonNull(notifierId, "notifierId") + ": " + message, retryable, cause);
    this.notifierId = notifierId;
  }

  /**
   * The id of the notifier that failed.
   *
   * @return never {@code null}
   */
  public String notifierId() {
    return notifierId;
  }
}
