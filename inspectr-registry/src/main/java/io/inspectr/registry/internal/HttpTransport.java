package io.inspectr.registry.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP request and reads the whole response: no retries, no redirects, no authentication
 * (the layers above do those). Implementations are thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends a request, unless its deadline is over by the time a thread is free for it.
   *
   * @param call the request
   * @param deadline when the lookup gives up
   * @return the response; fails with an {@link java.io.IOException} (e.g. {@link
   *     ResponseTooLargeException}) when there is none, or a {@link
   *     java.util.concurrent.TimeoutException} when it was not sent because the deadline was over
   */
  CompletableFuture<HttpResult> send(HttpCall call, Deadline deadline);

  /** Releases connections and threads. */
  @Override
  void close();
}
