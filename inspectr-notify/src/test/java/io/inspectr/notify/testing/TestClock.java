package io.inspectr.notify.testing;

import io.inspectr.notify.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that stands still until someone sleeps on it: {@link #sleeper()} advances it and records
 * every wait, so tests count waits instead of spending them. Thread-safe.
 */
public final class TestClock extends Clock {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  /**
   * A clock at a fixed start.
   *
   * @param start the first time it tells
   */
  public TestClock(Instant start) {
    this.now = start;
  }

  /**
   * A clock at 2026-11-26T10:00:00Z.
   *
   * @return a new clock
   */
  public static TestClock standard() {
    return new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  /**
   * Moves the clock on without counting a sleep (time passing while a request is answered).
   *
   * @param d how far
   */
  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /**
   * A sleeper that advances this clock.
   *
   * @return never {@code null}
   */
  public Sleeper sleeper() {
    return d -> {
      synchronized (this) {
        sleeps.add(d);
        now = now.plus(d);
      }
    };
  }

  /**
   * Every wait so far.
   *
   * @return a copy
   */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
