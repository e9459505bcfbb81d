package io.inspectr.registry.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request inside a lookup failed in a way the lookup cannot go on from, e.g. the token service
 * refused the credentials. Carries the response, if any, for {@link RegistryErrors} to translate
 * with the lookup's action and repository.
 */
public final class CallFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable HttpResult response;
  private final boolean retryable;

  /**
   * Creates the failure.
   *
   * @param what what failed, e.g. "the token service at auth.docker.io answered 401"; no secrets
   * @param response the response, or {@code null}
   * @param cause the cause, or {@code null}
   */
  public CallFailure(String what, @Nullable HttpResult response, @Nullable Throwable cause) {
    this(what, response, false, cause);
  }

  /**
   * Creates a failure without a response.
   *
   * @param what what failed; no secrets
   * @param response the response, or {@code null}
   * @param retryable whether trying again later may help (e.g. half a document arrived)
   * @param cause the cause, or {@code null}
   */
  public CallFailure(
      String what, @Nullable HttpResult response, boolean retryable, @Nullable Throwable cause) {
    super(what, cause);
    this.response = response;
    this.retryable = retryable;
  }

  /**
   * Whether trying again later may help.
   *
   * @return {@code true} when it may
   */
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * The response that made the request fail.
   *
   * @return empty when there was none
   */
  public Optional<HttpResult> response() {
    return Optional.ofNullable(response);
  }
}
