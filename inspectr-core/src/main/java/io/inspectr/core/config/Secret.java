package io.inspectr.core.config;

import static java.util.Objects.requireNonNull;

/**
 * A password, token or webhook id. Its {@link #toString()} never shows the value, so a secret can
 * sit in a record, a log line or an exception message without leaking; only {@link #reveal()} gives
 * it out, at the one place that sends it to its own host.
 *
 * @since 0.1
 */
public final class Secret {
  /** What {@link #toString()} prints instead of the value. */
  public static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a value.
   *
   * @param value never {@code null}
   * @return the secret
   */
  public static Secret of(String value) {
    return new Secret(requireNonNull(value, "value"));
  }

  /**
   * The value, for the request that needs it. Never log it.
   *
   * @return never {@code null}
   */
  public String reveal() {
    return value;
  }

  /**
   * Whether the value is empty.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Always {@link #MASK}. */
  @Override
  public String toString() {
    return MASK;
  }
}
