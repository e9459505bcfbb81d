package io.inspectr.registry.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP request and reads the whole response: no retries, no redirects, no authentication
 * (the layers above do those). Implementations are thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends a request.
   *
   * @param call the request
   * @return the response; fails with an {@link java.io.IOException} (e.g. {@link
   *     ResponseTooLargeException}) when there is none
   */
  CompletableFuture<HttpResult> send(HttpCall call);

  /** Releases connections and threads. */
  @Override
  void close();
}
