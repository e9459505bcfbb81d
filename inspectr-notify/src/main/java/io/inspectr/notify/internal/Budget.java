package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time one delivery may take ({@code max-delivery-time}), measured on the injected clock.
 * Notifiers check it between requests, so one slow receiver cannot hold a report for hours; what is
 * left is offered again on a later cycle. Immutable; thread-safe.
 */
public final class Budget {
  private final Clock clock;
  private final Duration limit;
  private final Instant end;

  private Budget(Clock clock, Duration limit) {
    this.clock = clock;
    this.limit = limit;
    this.end = clock.instant().plus(limit);
  }

  /**
   * Starts a budget now.
   *
   * @param clock tells the time
   * @param limit how long the delivery may take
   * @return never {@code null}
   */
  public static Budget start(Clock clock, Duration limit) {
    return new Budget(requireNonNull(clock, "clock"), requireNonNull(limit, "limit"));
  }

  /**
   * Whether the time is up.
   *
   * @return {@code true} from the end of the budget on
   */
  public boolean isSpent() {
    return !clock.instant().isBefore(end);
  }

  /**
   * Checks the budget and tells the delivery when it is spent.
   *
   * @param deliveries the delivery's outcomes
   * @return {@code true} when the delivery must stop sending, for this or an earlier reason
   */
  public boolean stops(Deliveries deliveries) {
    if (!deliveries.stopped() && isSpent()) {
      deliveries.outOfTime(limit);
    }
    return deliveries.stopped();
  }

  /**
   * The limit.
   *
   * @return never {@code null}
   */
  public Duration limit() {
    return limit;
  }
}
