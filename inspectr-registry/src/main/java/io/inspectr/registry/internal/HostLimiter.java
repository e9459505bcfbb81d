package io.inspectr.registry.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bounds the requests in flight per registry host, without blocking a thread while a request waits
 * for its turn. Thread-safe.
 */
public final class HostLimiter {
  private final int perHost;
  private final ConcurrentHashMap<String, AsyncSemaphore> hosts = new ConcurrentHashMap<>();

  /**
   * Creates the limiter.
   *
   * @param perHost requests in flight per host, at least 1
   */
  public HostLimiter(int perHost) {
    this.perHost = perHost;
  }

  /**
   * Runs {@code work} when the host has a free slot and frees the slot when it completes.
   *
   * @param authority {@code host[:port]}
   * @param work the request
   * @param <T> the result type
   * @return the request's result
   */
  public <T> CompletableFuture<T> run(String authority, Supplier<CompletableFuture<T>> work) {
    AsyncSemaphore semaphore = hosts.computeIfAbsent(authority, a -> new AsyncSemaphore(perHost));
    return semaphore
        .acquire()
        .thenCompose(
            permit -> {
              CompletableFuture<T> started;
              try {
                started = work.get();
              } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
              }
              return started.whenComplete((r, e) -> semaphore.release());
            });
  }
}
