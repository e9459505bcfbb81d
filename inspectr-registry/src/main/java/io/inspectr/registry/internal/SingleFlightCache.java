package io.inspectr.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cache whose concurrent callers for one key share one load: while a load is in flight, every
 * caller gets the same result; a success is then kept until its expiry (by the injected clock); a
 * failure is not kept. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SingleFlightCache<K, V> {
  /** After this many stores, expired entries are swept so the map does not grow without end. */
  static final int SWEEP_EVERY = 1024;

  private final Clock clock;
  private final Function<V, Instant> expiry;
  private final ConcurrentHashMap<K, Stored<V>> stored = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger stores = new AtomicInteger();

  /**
   * Creates the cache.
   *
   * @param clock the current time
   * @param expiry when a loaded value stops being fresh; a time not after now keeps nothing
   */
  public SingleFlightCache(Clock clock, Function<V, Instant> expiry) {
    this.clock = clock;
    this.expiry = expiry;
  }

  /**
   * The fresh value, the load in flight, or a new load.
   *
   * @param key the key
   * @param loader starts a load
   * @return the value; each caller gets its own future, so cancelling one affects no other
   */
  public CompletableFuture<V> get(K key, Supplier<CompletableFuture<V>> loader) {
    V fresh = fresh(key);
    if (fresh != null) {
      return CompletableFuture.completedFuture(fresh);
    }
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return running.copy();
    }
    // A load may have finished between the first look and winning the race.
    fresh = fresh(key);
    if (fresh != null) {
      inFlight.remove(key, mine);
      mine.complete(fresh);
      return mine.copy();
    }
    CompletableFuture<V> load;
    try {
      load = loader.get();
    } catch (RuntimeException e) {
      load = CompletableFuture.failedFuture(e);
    }
    load.whenComplete(
        (value, error) -> {
          if (error == null) {
            Instant until = expiry.apply(value);
            if (until.isAfter(clock.instant())) {
              stored.put(key, new Stored<>(value, until));
              if (stores.incrementAndGet() % SWEEP_EVERY == 0) {
                sweep();
              }
            }
          }
          inFlight.remove(key, mine);
          if (error == null) {
            mine.complete(value);
          } else {
            mine.completeExceptionally(error);
          }
        });
    return mine.copy();
  }

  /**
   * Forgets a stored value (a token the registry refused).
   *
   * @param key the key
   */
  public void invalidate(K key) {
    stored.remove(key);
  }

  /**
   * How many values are stored, fresh or not.
   *
   * @return the count
   */
  public int size() {
    return stored.size();
  }

  private V fresh(K key) {
    Stored<V> s = stored.get(key);
    if (s == null) {
      return null;
    }
    if (clock.instant().isBefore(s.until())) {
      return s.value();
    }
    stored.remove(key, s);
    return null;
  }

  private void sweep() {
    Instant now = clock.instant();
    stored.entrySet().removeIf(e -> !now.isBefore(e.getValue().until()));
  }

  private record Stored<V>(V value, Instant until) {}
}
