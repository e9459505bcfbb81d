package io.inspectr.core.spi;

import io.inspectr.core.image.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The repository or the tag does not exist in the registry (404, {@code NAME_UNKNOWN}, {@code
 * MANIFEST_UNKNOWN}). Not retryable.
 *
 * @since 0.1
 */
public class ImageNotFoundException extends RegistryAccessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param action what was tried
   * @param repository the repository
   * @param reason why, e.g. the registry's error message
   * @param cause the underlying failure, or {@code null}
   */
  public ImageNotFoundException(
      String action, Repository repository, String reason, @Nullable Throwable cause) {
    super(action, repository, reason, false, cause);
  }
}
