package io.inspectr.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.inspectr.k8s.fake.FakeApiServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leader election with the client's LeaderElector and LeaseLock against the fake API server. Short
 * leases make hand-overs quick; assertions wait generously and count events, never time.
 */
class LeaderElectionIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private FakeApiServer server;

  /** Counts what a replica was told. */
  static final class Counting implements LeadershipListener {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger stopped = new AtomicInteger();
    final List<String> observed = new CopyOnWriteArrayList<>();

    @Override
    public void startedLeading() {
      started.incrementAndGet();
    }

    @Override
    public void stoppedLeading() {
      stopped.incrementAndGet();
    }

    @Override
    public void leaderObserved(String identity) {
      observed.add(identity);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LeaderElection join(String identity, LeadershipListener listener) {
    LeaderElectionSettings settings =
        LeaderElectionSettings.of("inspectr", identity)
            .withTimings(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofMillis(500));
    return LeaderElection.start(server.client(), settings, listener);
  }

  private String holder() {
    return server
        .get("leases", "inspectr", "inspectr-leader")
        .map(l -> l.getAsJsonObject("spec"))
        .filter(s -> s.has("holderIdentity"))
        .map(s -> s.get("holderIdentity").getAsString())
        .orElse("");
  }

  @Test
  void leadershipMovesToTheOtherReplicaWhenTheLeaderStops() {
    Counting a = new Counting();
    Counting b = new Counting();
    LeaderElection first = join("pod-a", a);
    await().atMost(WAIT).until(first::isLeader);
    assertThat(holder()).isEqualTo("pod-a");

    LeaderElection second = join("pod-b", b);
    try {
      // pod-b must have read the lease held by pod-a before it matters who stops: pod-a's own
      // renewals read the lease too, so only pod-b's observation proves it.
      await().atMost(WAIT).until(() -> b.observed.contains("pod-a"));
      assertThat(b.started).hasValue(0);

      first.close();
      assertThat(a.stopped).hasValue(1);
      await().atMost(WAIT).until(second::isLeader);
      assertThat(holder()).isEqualTo("pod-b");
      assertThat(a.started).hasValue(1);
      assertThat(b.started).hasValue(1);
      assertThat(b.stopped).hasValue(0);
    } finally {
      second.close();
    }
    assertThat(b.stopped).hasValue(1);
  }

  @Test
  void aReplicaThatNeverLedIsNeverToldToStop() {
    Counting a = new Counting();
    Counting b = new Counting();
    LeaderElection first = join("pod-a", a);
    await().atMost(WAIT).until(first::isLeader);
    LeaderElection second = join("pod-b", b);
    await().atMost(WAIT).until(() -> b.observed.contains("pod-a"));

    second.close();
    first.close();

    assertThat(b.started).hasValue(0);
    assertThat(b.stopped).hasValue(0);
    assertThat(a.stopped).hasValue(1);
  }

  /** Another holder takes the lease over behind the leader's back: its next renewal fails. */
  private void takeOverTheLease() {
    JsonObject lease = server.get("leases", "inspectr", "inspectr-leader").orElseThrow();
    JsonObject spec = lease.getAsJsonObject("spec");
    spec.addProperty("holderIdentity", "intruder");
    spec.addProperty("renewTime", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
    server.apply("leases", lease.toString());
  }

  /**
   * The election's threads that were not alive before: its own loop and the client elector's
   * workers (scheduler, lease and hook), told apart from other tests' threads by identity.
   */
  private static List<Thread> electionThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t))
        .filter(
            t ->
                t.getName().startsWith("leader-elector-")
                    || t.getName().startsWith("inspectr-leader-election-"))
        .toList();
  }

  @Test
  void rejoinsAndLeadsAgainAfterLosingTheLeaseWithoutLeakingThreads() {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    Counting a = new Counting();
    LeaderElection election = join("pod-a", a);
    try {
      await().atMost(WAIT).until(election::isLeader);

      for (int lost = 1; lost <= 3; lost++) {
        takeOverTheLease();

        int terms = lost;
        await().atMost(WAIT).until(() -> a.stopped.get() == terms);
        await().atMost(WAIT).until(() -> a.started.get() == terms + 1);
        assertThat(holder()).isEqualTo("pod-a");
        // The loop and the running elector's three workers; every earlier elector was closed.
        await()
            .atMost(WAIT)
            .untilAsserted(() -> assertThat(electionThreads(before)).hasSizeLessThanOrEqualTo(4));
      }
      assertThat(election.terms()).isEqualTo(4);
    } finally {
      election.close();
    }
    assertThat(a.stopped).hasValue(4);
    await().atMost(WAIT).untilAsserted(() -> assertThat(electionThreads(before)).isEmpty());
  }
}
