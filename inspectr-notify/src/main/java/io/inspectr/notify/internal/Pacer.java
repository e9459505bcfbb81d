package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Spaces requests to one receiver at least {@code interval} apart (Slack allows about one message a
 * second per webhook). Thread-safe: callers take turns.
 */
public final class Pacer {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  private @Nullable Instant last;

  /**
   * Creates a pacer.
   *
   * @param clock tells the time
   * @param sleeper waits
   * @param interval the least time between two requests; zero for none
   */
  public Pacer(Clock clock, Sleeper sleeper, Duration interval) {
    this.clock = requireNonNull(clock, "clock");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.interval = requireNonNull(interval, "interval");
  }

  /**
   * Waits until the next request may go, then counts it as sent.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public synchronized void awaitTurn() throws InterruptedException {
    if (last != null && !interval.isZero()) {
      Duration wait = Duration.between(clock.instant(), last.plus(interval));
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
    }
    last = clock.instant();
  }
}
