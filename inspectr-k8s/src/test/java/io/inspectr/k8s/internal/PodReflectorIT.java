package io.inspectr.k8s.internal;

import static io.inspectr.k8s.fixtures.PodFixtures.BARE_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import io.inspectr.k8s.ContainerListener;
import io.inspectr.k8s.fake.FakeApiServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reflector's list and watch loop against the fake API server, at its edges. */
class PodReflectorIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final List<String> removed = new CopyOnWriteArrayList<>();
  private FakeApiServer server;
  private PodCache cache;
  private PodReflector reflector;

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.start();
    cache =
        new PodCache(
            new ContainerProjector("c1", pod -> new Workload(Workload.POD, pod.name())),
            namespace -> true);
    cache.addListener(
        new ContainerListener() {
          @Override
          public void added(RunningContainer container) {}

          @Override
          public void updated(RunningContainer before, RunningContainer after) {}

          @Override
          public void removed(RunningContainer container) {
            removed.add(container.pod() + "/" + container.container());
          }
        });
    reflector =
        new PodReflector(
            server.client(),
            "c1",
            null,
            "",
            new PodReflector.Timings(
                2,
                Duration.ofSeconds(30),
                Duration.ZERO,
                Duration.ofMillis(50),
                Duration.ofMillis(200)),
            new PodJsonDecoder(),
            cache,
            Clock.systemUTC(),
            () -> {});
  }

  @AfterEach
  void stop() {
    reflector.close();
    server.close();
  }

  @Test
  void closingInTheMiddleOfARelistRemovesNothing() throws Exception {
    for (String name : List.of("a", "b", "c", "d", "e", "f")) {
      server.apply("pods", pod(BARE_POD).named(name).toString());
    }
    reflector.start();
    assertThat(reflector.awaitSynced(WAIT)).isTrue();
    await().atMost(WAIT).until(() -> server.openWatches() == 1);
    assertThat(cache.size()).isEqualTo(6);

    // During the relist, after its first page of two pods, the reflector is closed (as at
    // shutdown), and goes on only once close() has begun.
    AtomicReference<Thread> closer = new AtomicReference<>();
    CountDownLatch closedMidList = new CountDownLatch(1);
    reflector.afterEachPage(
        () -> {
          Thread thread = new Thread(reflector::close, "closer");
          if (!closer.compareAndSet(null, thread)) {
            return;
          }
          thread.start();
          long giveUp = System.nanoTime() + WAIT.toNanos();
          while (!reflector.isClosed() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
          }
          closedMidList.countDown();
        });
    server.expireWatches();

    assertThat(closedMidList.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    closer.get().join(WAIT.toMillis());
    assertThat(closer.get().isAlive()).as("close() returned").isFalse();
    assertThat(removed).as("the rest of the list was never read, not deleted").isEmpty();
    assertThat(cache.size()).isEqualTo(6);
    assertThat(reflector.lists()).as("the cut-off relist does not count").isEqualTo(1);
  }
}
