package io.inspectr.registry.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits without holding a thread: the returned future completes after the delay, from a timer.
 * Tests replace it to record the delays asked for and go on at once.
 */
@FunctionalInterface
public interface Delayer {

  /** Completes the future from the JDK's shared timer, so no thread sleeps. */
  Delayer TIMER =
      delay -> {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
            .execute(() -> done.complete(null));
        return done;
      };

  /**
   * A future that completes after {@code delay}.
   *
   * @param delay not negative
   * @return never {@code null}
   */
  CompletableFuture<Void> after(Duration delay);
}
