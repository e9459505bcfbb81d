package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

/**
 * A {@code v1 Status} the API server answered with.
 *
 * @param code the HTTP status, e.g. {@code 410}
 * @param reason e.g. {@code Expired}, {@code Conflict}; empty when not given
 * @param message the server's message; empty when not given
 */
public record ApiStatus(int code, String reason, String message) {
  /** The code of an expired resource version or continue token. */
  public static final int GONE = 410;

  /** Checks the parts. */
  public ApiStatus {
    requireNonNull(reason, "reason");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code
        + (reason.isEmpty() ? "" : " " + reason)
        + (message.isEmpty() ? "" : ": " + message);
  }
}
