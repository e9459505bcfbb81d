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
   * Runs {@code work} when the host has a free slot and frees the slot when it completes. Work
   * whose deadline is over by its turn is not run; work still waiting when its lookup is abandoned
   * leaves the queue at once.
   *
   * @param call the request, for its host and for messages
   * @param deadline when the lookup gives up
   * @param work sends the request
   * @param <T> the result type
   * @return the request's result; fails with a {@link java.util.concurrent.TimeoutException} when
   *     it was not sent because the deadline was over
   */
  public <T> CompletableFuture<T> run(
      HttpCall call, Deadline deadline, Supplier<CompletableFuture<T>> work) {
    AsyncSemaphore semaphore =
        hosts.computeIfAbsent(call.authority(), a -> new AsyncSemaphore(perHost));
    CompletableFuture<Void> turn = semaphore.acquire();
    if (!turn.isDone()) {
      deadline.whenAbandoned(() -> semaphore.cancel(turn, Deadline.notSent(call)));
    }
    return turn.thenCompose(
        permit -> {
          if (deadline.isOver()) {
            semaphore.release();
            return CompletableFuture.failedFuture(Deadline.notSent(call));
          }
          CompletableFuture<T> started;
          try {
            started = work.get();
          } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
          }
          return started.whenComplete((r, e) -> semaphore.release());
        });
  }

  /**
   * How many requests wait for a slot of a host (for tests).
   *
   * @param authority {@code host[:port]}
   * @return the count
   */
  int waiting(String authority) {
    AsyncSemaphore semaphore = hosts.get(authority);
    return semaphore == null ? 0 : semaphore.waiting();
  }
}
