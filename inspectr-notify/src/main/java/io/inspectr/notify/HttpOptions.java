package io.inspectr.notify;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import java.time.Duration;

/**
 * How a notifier talks HTTP: timeouts, and how patient it is when a receiver asks it to slow down
 * ({@code 429} with {@code Retry-After}), and how long one delivery may take in all. Read from the
 * keys {@code connect-timeout}, {@code timeout}, {@code max-retry-after}, {@code
 * max-rate-limit-retries} and {@code max-delivery-time} of a notifier's configuration.
 *
 * @param connectTimeout how long to wait for a connection
 * @param timeout how long to wait for an answer once connected
 * @param maxRetryAfter the longest {@code Retry-After} inspectr waits before trying the same
 *     request again; a receiver asking for longer gets the request on a later cycle instead
 * @param maxRateLimitRetries how often one request is sent again after a {@code 429}
 * @param maxDeliveryTime how long one delivery may take; after it nothing more is sent and what was
 *     not delivered is offered again on a later cycle
 * @since 0.1
 */
public record HttpOptions(
    Duration connectTimeout,
    Duration timeout,
    Duration maxRetryAfter,
    int maxRateLimitRetries,
    Duration maxDeliveryTime) {

  /** Default of {@code connect-timeout}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default of {@code timeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  /** Default of {@code max-retry-after}. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** Default of {@code max-rate-limit-retries}. */
  public static final int DEFAULT_MAX_RATE_LIMIT_RETRIES = 3;

  /** Default of {@code max-delivery-time}. */
  public static final Duration DEFAULT_MAX_DELIVERY_TIME = Duration.ofMinutes(10);

  /** Checks the parts. */
  public HttpOptions {
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(timeout, "timeout");
    requireNonNull(maxRetryAfter, "maxRetryAfter");
    requireNonNull(maxDeliveryTime, "maxDeliveryTime");
    if (connectTimeout.isZero() || timeout.isZero() || maxDeliveryTime.isZero()) {
      throw new IllegalArgumentException(
          "Timeouts must be positive, got connect "
              + connectTimeout
              + ", "
              + timeout
              + " and delivery "
              + maxDeliveryTime);
    }
    if (maxRateLimitRetries < 0) {
      throw new IllegalArgumentException(
          "maxRateLimitRetries must not be negative: " + maxRateLimitRetries);
    }
  }

  /**
   * The defaults.
   *
   * @return never {@code null}
   */
  public static HttpOptions defaults() {
    return new HttpOptions(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_RETRY_AFTER,
        DEFAULT_MAX_RATE_LIMIT_RETRIES,
        DEFAULT_MAX_DELIVERY_TIME);
  }

  /**
   * Reads the five keys, recording problems in the reader.
   *
   * @param read the notifier's configuration reader
   * @return the options; defaults where a key is unset or invalid
   */
  public static HttpOptions read(ConfigReader read) {
    Duration connect = positive(read, "connect-timeout", DEFAULT_CONNECT_TIMEOUT);
    Duration timeout = positive(read, "timeout", DEFAULT_TIMEOUT);
    Duration maxRetryAfter = read.duration("max-retry-after", DEFAULT_MAX_RETRY_AFTER);
    int retries = read.integer("max-rate-limit-retries", DEFAULT_MAX_RATE_LIMIT_RETRIES, 0, 20);
    Duration delivery = positive(read, "max-delivery-time", DEFAULT_MAX_DELIVERY_TIME);
    return new HttpOptions(connect, timeout, maxRetryAfter, retries, delivery);
  }

  private static Duration positive(ConfigReader read, String key, Duration defaultValue) {
    Duration d = read.duration(key, defaultValue);
    if (d.isZero()) {
      read.problem(key, "0", "it must be longer than zero");
      return defaultValue;
    }
    return d;
  }
}
