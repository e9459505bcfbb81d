package io.inspectr.registry;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A registry's pull quota as its last response told ({@code RateLimit-Limit: 100;w=21600}, {@code
 * RateLimit-Remaining: 76;w=21600}, as Docker Hub sends them on manifest requests).
 *
 * @param host the registry API host
 * @param limit pulls allowed per window
 * @param remaining pulls left in the window
 * @param window the window, zero when not given
 * @param observedAt when the response came
 * @since 0.1
 */
public record RateLimitStatus(
    String host, long limit, long remaining, Duration window, Instant observedAt) {
  /** Checks the parts. */
  public RateLimitStatus {
    requireNonNull(host, "host");
    requireNonNull(window, "window");
    requireNonNull(observedAt, "observedAt");
  }
}
