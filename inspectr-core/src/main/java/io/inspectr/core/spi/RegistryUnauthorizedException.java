package io.inspectr.core.spi;

import io.inspectr.core.image.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The registry refused the credentials, or asked for some when none were configured (401, 403). Not
 * retryable: a person has to fix the credentials.
 *
 * @since 0.1
 */
public class RegistryUnauthorizedException extends RegistryAccessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param action what was tried
   * @param repository the repository
   * @param reason why, and what to do, e.g. "add credentials for the registry"
   * @param cause the underlying failure, or {@code null}
   */
  public RegistryUnauthorizedException(
      String action, Repository repository, String reason, @Nullable Throwable cause) {
    super(action, repository, reason, false, cause);
  }
}
