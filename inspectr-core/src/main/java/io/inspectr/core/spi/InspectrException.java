package io.inspectr.core.spi;

import org.jspecify.annotations.Nullable;

/**
 * The one checked exception family of the SPIs: every I/O failure a plugin reports (registry,
 * notifier, state store) is one of its subclasses, so callers handle plugin I/O in one place and
 * plugin authors translate their transport's errors into it.
 *
 * <p>Messages say what was tried, on which object, why it failed and, when known, what to do. They
 * never contain credentials, tokens or webhook ids.
 *
 * @since 0.1
 */
public abstract class InspectrException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message the whole message, never {@code null}
   * @param retryable whether trying again later may succeed
   * @param cause the underlying failure, or {@code null}
   */
  protected InspectrException(String message, boolean retryable, @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Whether trying again later may succeed (a timeout, a 503, a rate limit), as opposed to a
   * failure that needs a person (bad credentials, an unknown repository, a malformed request).
   *
   * @return {@code true} when a retry may help
   */
  public boolean isRetryable() {
    return retryable;
  }
}
