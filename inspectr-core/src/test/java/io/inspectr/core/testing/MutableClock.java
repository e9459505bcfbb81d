package io.inspectr.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, for code that takes a {@link Clock} (token
 * expiry, caches, backoff). Thread-safe. Shared with the adapter modules' tests through the core
 * test jar.
 */
public final class MutableClock extends Clock {
  /** Where a clock made without a start begins. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-26T10:00:00Z");

  private volatile Instant now;

  /** Starts at {@link #DEFAULT_START}. */
  public MutableClock() {
    this(DEFAULT_START);
  }

  /**
   * Starts at a time.
   *
   * @param start the first instant
   */
  public MutableClock(Instant start) {
    this.now = start;
  }

  /**
   * Moves the clock on.
   *
   * @param by how far
   */
  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
