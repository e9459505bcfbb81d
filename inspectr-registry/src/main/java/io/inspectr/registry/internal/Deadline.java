package io.inspectr.registry.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * When a lookup gives up on its requests: at an instant by the lookup's clock, or earlier when the
 * lookup is abandoned (it timed out or failed, so nobody waits for its requests any more). A
 * request that has not been sent by then is never sent: it leaves its host's queue at once when the
 * lookup is abandoned, and fails without being sent when its turn comes too late. Thread-safe.
 */
public final class Deadline {
  private final Instant at;
  private final Clock clock;
  private final CompletableFuture<Void> abandoned = new CompletableFuture<>();

  private Deadline(Instant at, Clock clock) {
    this.at = requireNonNull(at, "at");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * A deadline some time from now.
   *
   * @param clock the lookup's clock
   * @param timeout how long from now
   * @return a deadline not yet abandoned
   */
  public static Deadline after(Clock clock, Duration timeout) {
    return new Deadline(clock.instant().plus(timeout), clock);
  }

  /**
   * When it passes by the clock.
   *
   * @return never {@code null}
   */
  public Instant at() {
    return at;
  }

  /**
   * Whether nothing more should be sent: the instant has come or the lookup was abandoned.
   *
   * @return {@code true} when over
   */
  public boolean isOver() {
    return abandoned.isDone() || !clock.instant().isBefore(at);
  }

  /** Gives up on every request not yet sent; the ones waiting for a slot leave the queue now. */
  public void abandon() {
    abandoned.complete(null);
  }

  /**
   * The same instant, but not abandoned with this one: for work other lookups may share (a token
   * they all wait for), which one lookup giving up must not cancel for the rest.
   *
   * @return a new deadline
   */
  public Deadline detached() {
    return new Deadline(at, clock);
  }

  /**
   * Runs an action when the lookup is abandoned, at once when it already is.
   *
   * @param action what to do; must not throw
   */
  void whenAbandoned(Runnable action) {
    abandoned.thenRun(action);
  }

  /**
   * The failure of a request that was not sent because the deadline is over.
   *
   * @param call the request
   * @return a {@link TimeoutException}, which is never retried
   */
  static TimeoutException notSent(HttpCall call) {
    return new TimeoutException("the lookup gave up before " + call + " could be sent");
  }
}
