package io.inspectr.notify.internal;

import java.time.Duration;

/**
 * Waits. Injected next to a {@link java.time.Clock} so that tests count waits instead of spending
 * them.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for a while.
   *
   * @param duration how long; zero or negative returns at once
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real thing: {@link Thread#sleep(long)}.
   *
   * @return never {@code null}
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis());
      }
    };
  }
}
