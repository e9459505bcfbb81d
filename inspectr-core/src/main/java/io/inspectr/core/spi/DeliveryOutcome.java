package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What became of one finding sent to one notifier. Only {@link Status#DELIVERED} marks it as sent:
 * the receiver confirmed it.
 *
 * @param status delivered, or which kind of failure
 * @param detail why it failed, or what confirmed delivery (e.g. an issue key); never secrets
 * @param retryAfter how long the receiver asked to wait, or {@code null}
 * @since 0.1
 */
public record DeliveryOutcome(Status status, String detail, @Nullable Duration retryAfter) {

  /** The kinds of outcome. */
  public enum Status {
    /** The receiver confirmed it. */
    DELIVERED,
    /** Not delivered; trying again later may succeed. */
    RETRYABLE_FAILURE,
    /** Not delivered; a person must fix something first (a bad channel, a rejected payload). */
    PERMANENT_FAILURE
  }

  /** Checks the parts. */
  public DeliveryOutcome {
    requireNonNull(status, "status");
    requireNonNull(detail, "detail");
  }

  /**
   * Delivered and confirmed.
   *
   * @param detail what confirmed it, e.g. {@code created OPS-12}; may be empty
   * @return never {@code null}
   */
  public static DeliveryOutcome delivered(String detail) {
    return new DeliveryOutcome(Status.DELIVERED, detail, null);
  }

  /**
   * Not delivered; retry later.
   *
   * @param reason why
   * @param retryAfter how long to wait, or {@code null}
   * @return never {@code null}
   */
  public static DeliveryOutcome retryable(String reason, @Nullable Duration retryAfter) {
    return new DeliveryOutcome(Status.RETRYABLE_FAILURE, reason, retryAfter);
  }

  /**
   * Not delivered; needs a person.
   *
   * @param reason why, and what to do
   * @return never {@code null}
   */
  public static DeliveryOutcome permanent(String reason) {
    return new DeliveryOutcome(Status.PERMANENT_FAILURE, reason, null);
  }

  /**
   * Whether the receiver confirmed it.
   *
   * @return {@code true} for {@link Status#DELIVERED}
   */
  public boolean isDelivered() {
    return status == Status.DELIVERED;
  }
}
