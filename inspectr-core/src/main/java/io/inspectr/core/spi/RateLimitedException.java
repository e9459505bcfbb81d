package io.inspectr.core.spi;

import io.inspectr.core.image.Repository;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The registry asked to slow down (429, or 503 with {@code Retry-After}) and retries ran out.
 * Retryable on a later cycle.
 *
 * @since 0.1
 */
public class RateLimitedException extends RegistryAccessException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param action what was tried
   * @param repository the repository
   * @param reason why
   * @param retryAfter how long the registry asked to wait, or {@code null} when it did not say
   * @param cause the underlying failure, or {@code null}
   */
  public RateLimitedException(
      String action,
      Repository repository,
      String reason,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(action, repository, reason, true, cause);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the registry asked to wait.
   *
   * @return empty when the registry did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
