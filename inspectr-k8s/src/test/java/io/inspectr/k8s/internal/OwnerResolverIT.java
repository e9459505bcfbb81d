package io.inspectr.k8s.internal;

import static io.inspectr.k8s.fixtures.PodFixtures.WEB_REPLICASET;
import static io.inspectr.k8s.fixtures.PodFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.result.Workload;
import io.inspectr.core.testing.MutableClock;
import io.inspectr.k8s.fake.FakeApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owner lookups through the real client: what is read, what is remembered, and for how long. */
class OwnerResolverIT {
  private static final String REPLICA_SET = "/replicasets/web-7d9c8b6f4d";
  private static final int PODS = 50;

  private final MutableClock clock = new MutableClock();
  private FakeApiServer server;
  private OwnerResolver resolver;

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.start();
    server.apply("replicasets", text(WEB_REPLICASET));
    resolver = new OwnerResolver(server.client(), 100, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static SlimPod webPod(int i) {
    return new SlimPod(
        "shop",
        "web-7d9c8b6f4d-" + i,
        "uid-" + i,
        "1",
        "Running",
        List.of(new SlimPod.Owner("apps/v1", "ReplicaSet", "web-7d9c8b6f4d", "rs-uid", true)),
        "7d9c8b6f4d",
        "default",
        List.of(),
        Map.of(),
        List.of(new SlimPod.Container("nginx", false, "nginx:1.25", "")));
  }

  /** Every pod of the ReplicaSet, as a list or a resync hands them over. */
  private void resolveEveryPod() {
    for (int i = 0; i < PODS; i++) {
      assertThat(resolver.workloadOf(webPod(i))).isEqualTo(new Workload("Deployment", "web"));
    }
  }

  @Test
  void aForbiddenOwnerIsAskedForOnceForAllItsPodsThenAgainAfterTenMinutes() {
    server.failAlways("GET", "/replicasets/", 403);

    resolveEveryPod();
    clock.advance(Duration.ofMinutes(9));
    resolveEveryPod();

    assertThat(server.requests("GET", REPLICA_SET)).isEqualTo(1);
    assertThat(resolver.settled(webPod(0))).as("the workload is still a guess").isFalse();

    clock.advance(Duration.ofMinutes(2));
    resolveEveryPod();
    assertThat(server.requests("GET", REPLICA_SET)).isEqualTo(2);
  }

  @Test
  void anotherFailureIsRememberedForAMinuteThenTheOwnerIsReadAgain() {
    server.failNext("GET", REPLICA_SET, 503, 1);

    resolveEveryPod();
    assertThat(server.requests("GET", REPLICA_SET)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(61));
    resolveEveryPod();

    assertThat(server.requests("GET", REPLICA_SET)).isEqualTo(2);
    assertThat(resolver.settled(webPod(0))).as("read at last").isTrue();
    assertThat(resolver.lookups()).isEqualTo(2);
  }
}
