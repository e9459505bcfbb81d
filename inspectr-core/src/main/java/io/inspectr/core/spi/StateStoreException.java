package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The alert state could not be read or written. Carries the store's id.
 *
 * @since 0.1
 */
public class StateStoreException extends InspectrException {
  private static final long serialVersionUID = 1L;

  private final String storeId;

  /**
   * Creates the exception.
   *
   * @param storeId the store's id, e.g. {@code file} or {@code configmap}
   * @param message what failed, where, and what to do
   * @param retryable whether trying again later may succeed
   * @param cause the underlying failure, or {@code null}
   */
  public StateStoreException(
      String storeId, String message, boolean retryable, @Nullable Throwable cause) {
    super(requireNonNull(storeId, "storeId") + " state store: " + message, retryable, cause);
    this.storeId = storeId;
  }

  /**
   * The id of the store that failed.
   *
   * @return never {@code null}
   */
  public String storeId() {
    return storeId;
  }
}
