package io.inspectr.registry.testing;

import io.inspectr.registry.internal.Delayer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait asked for and goes on at once, so retry tests take no wall time. */
public final class RecordingDelayer implements Delayer {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public CompletableFuture<Void> after(Duration delay) {
    waits.add(delay);
    return CompletableFuture.runAsync(() -> {});
  }

  /**
   * The waits asked for, in order.
   *
   * @return a copy
   */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }
}
