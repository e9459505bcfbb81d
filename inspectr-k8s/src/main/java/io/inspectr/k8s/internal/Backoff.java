package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the wait doubles after each failure up to a maximum, and is
 * spread by up to 20% either way so that many replicas do not retry in step. Not thread-safe.
 */
public final class Backoff {
  private static final double JITTER = 0.2;

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;
  private int failures;

  /**
   * Creates a backoff.
   *
   * @param initial the first wait
   * @param max the longest wait
   * @param random numbers in {@code [0, 1)}, e.g. {@code Math::random}
   */
  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = requireNonNull(initial, "initial");
    this.max = requireNonNull(max, "max");
    this.random = requireNonNull(random, "random");
  }

  /**
   * The wait before the next attempt; each call counts one more failure.
   *
   * @return never negative, at most {@code max}
   */
  public Duration next() {
    double base = initial.toMillis() * Math.pow(2, Math.min(failures, 30));
    failures++;
    double capped = Math.min(base, max.toMillis());
    double jittered = capped * (1 - JITTER + 2 * JITTER * random.getAsDouble());
    return Duration.ofMillis((long) Math.min(jittered, max.toMillis()));
  }

  /** Starts over after a success. */
  public void reset() {
    failures = 0;
  }

  /**
   * How many failures in a row were counted.
   *
   * @return the count since the last {@link #reset()}
   */
  public int failures() {
    return failures;
  }
}
