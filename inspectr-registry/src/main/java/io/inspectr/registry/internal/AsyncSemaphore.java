package io.inspectr.registry.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore whose waiters hold no thread: {@link #acquire()} returns a future that completes when
 * a permit is free. Fair (first come, first served). Thread-safe.
 */
final class AsyncSemaphore {
  private final Deque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
  private int available;

  AsyncSemaphore(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1 but was " + permits);
    }
    this.available = permits;
  }

  CompletableFuture<Void> acquire() {
    synchronized (this) {
      if (available > 0) {
        available--;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> waiter = new CompletableFuture<>();
      waiters.add(waiter);
      return waiter;
    }
  }

  /**
   * Takes a waiter out of the queue, failing it, unless it already has its permit.
   *
   * @param waiter a future {@link #acquire()} returned
   * @param why what the waiter fails with
   * @return {@code true} when it was still waiting
   */
  boolean cancel(CompletableFuture<Void> waiter, Throwable why) {
    synchronized (this) {
      if (!waiters.remove(waiter)) {
        return false;
      }
    }
    waiter.completeExceptionally(why);
    return true;
  }

  /** How many wait for a permit (for tests). */
  synchronized int waiting() {
    return waiters.size();
  }

  void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiters.poll();
      if (next == null) {
        available++;
        return;
      }
    }
    // Completed outside the lock: the waiter's continuation starts the next request.
    next.complete(null);
  }
}
