package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/** The API server answered a list or watch with an error status. */
public final class ApiStatusException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient ApiStatus status;

  /**
   * Creates the exception.
   *
   * @param action what was tried, e.g. "list the pods of all namespaces"
   * @param status the server's answer
   */
  public ApiStatusException(String action, ApiStatus status) {
    super(
        "Tried to " + action + " but the API server answered " + requireNonNull(status, "status"));
    this.status = status;
  }

  /**
   * The server's answer.
   *
   * @return never {@code null}
   */
  public ApiStatus status() {
    return status;
  }

  /**
   * Whether the resource version or continue token has expired and the list must start over.
   *
   * @return {@code true} for 410 Gone
   */
  public boolean gone() {
    return status.code() == ApiStatus.GONE;
  }
}
