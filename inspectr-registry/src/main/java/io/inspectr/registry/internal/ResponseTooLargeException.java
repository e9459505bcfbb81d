package io.inspectr.registry.internal;

import java.io.IOException;

/** A response body was larger than the configured cap; never retried. */
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates the exception.
   *
   * @param call what was requested
   * @param limit the cap in bytes
   */
  public ResponseTooLargeException(HttpCall call, long limit) {
    super(
        "the response to "
            + call
            + " is larger than "
            + limit
            + " bytes, perhaps you should raise inspectr.registry.max-response-bytes");
    this.limit = limit;
  }

  /**
   * The cap that was exceeded.
   *
   * @return bytes
   */
  public long limit() {
    return limit;
  }
}
