package io.inspectr.k8s;

import static io.inspectr.k8s.fixtures.PodFixtures.BACKUP_JOB;
import static io.inspectr.k8s.fixtures.PodFixtures.BARE_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.CRONJOB_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.DEPLOYMENT_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.STATEFULSET_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.WEB_REPLICASET;
import static io.inspectr.k8s.fixtures.PodFixtures.pod;
import static io.inspectr.k8s.fixtures.PodFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import io.inspectr.core.testing.MutableClock;
import io.inspectr.k8s.fake.FakeApiServer;
import io.inspectr.k8s.internal.OwnerResolver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery through the real official client against the fake API server. */
class KubernetesSourceIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock();
  private FakeApiServer server;
  private KubernetesSource source;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void startServer() throws Exception {
    server = FakeApiServer.start();
    server.apply("replicasets", text(WEB_REPLICASET));
    server.apply("jobs", text(BACKUP_JOB));
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    server.close();
  }

  private KubernetesSettings.Builder settings() {
    return KubernetesSettings.builder()
        .pageSize(2)
        .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .watchTimeout(Duration.ofSeconds(30));
  }

  private void startSource(KubernetesSettings settings) throws InterruptedException {
    startSourceUnsynced(settings);
    assertThat(source.awaitSynced(WAIT)).isTrue();
  }

  private void startSourceUnsynced(KubernetesSettings settings) {
    source = KubernetesSource.create(server.client(), "test-cluster", settings, clock);
    source.addListener(listener);
    source.start();
  }

  private Map<String, RunningContainer> byId() {
    return source.snapshot().stream()
        .collect(
            Collectors.toMap(
                c ->
                    c.namespace() + "/" + c.pod() + "/" + (c.init() ? "init:" : "") + c.container(),
                c -> c));
  }

  @Test
  void listsEveryPageAndReportsContainersWithWorkloadsDigestsAndPolicies() throws Exception {
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    server.apply("pods", pod(DEPLOYMENT_POD).named("web-7d9c8b6f4d-b2m9q").toString());
    server.apply("pods", pod(DEPLOYMENT_POD).named("web-7d9c8b6f4d-h8v4r").toString());
    server.apply("pods", pod(CRONJOB_POD).toString());
    server.apply("pods", pod(STATEFULSET_POD).toString());
    server.apply("pods", pod(BARE_POD).toString());
    server.apply(
        "pods",
        pod(BARE_POD).named("coredns-5d78c9869d-abcde").inNamespace("kube-system").toString());
    server.apply(
        "pods", pod(CRONJOB_POD).named("backup-29402460-zz9rk").phase("Succeeded").toString());

    startSource(settings().build());

    Map<String, RunningContainer> all = byId();
    assertThat(all)
        .containsOnlyKeys(
            "shop/web-7d9c8b6f4d-x5k2p/nginx",
            "shop/web-7d9c8b6f4d-x5k2p/log-shipper",
            "shop/web-7d9c8b6f4d-x5k2p/init:migrate",
            "shop/web-7d9c8b6f4d-b2m9q/nginx",
            "shop/web-7d9c8b6f4d-b2m9q/log-shipper",
            "shop/web-7d9c8b6f4d-b2m9q/init:migrate",
            "shop/web-7d9c8b6f4d-h8v4r/nginx",
            "shop/web-7d9c8b6f4d-h8v4r/log-shipper",
            "shop/web-7d9c8b6f4d-h8v4r/init:migrate",
            "shop/backup-29402520-q7xkz/backup",
            "shop/db-0/postgres",
            "tools/debug/debug",
            "tools/debug/net");
    RunningContainer nginx = all.get("shop/web-7d9c8b6f4d-x5k2p/nginx");
    assertThat(nginx.cluster()).isEqualTo("test-cluster");
    assertThat(nginx.workload()).isEqualTo(new Workload("Deployment", "web"));
    assertThat(nginx.image().toString()).isEqualTo("docker.io/library/nginx:1.25.3");
    assertThat(nginx.runningDigest())
        .hasToString("sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac");
    assertThat(nginx.policy().upgradePolicy().pin().name()).isEqualTo("MINOR");
    assertThat(all.get("shop/web-7d9c8b6f4d-x5k2p/log-shipper").policy().ignored()).isTrue();
    RunningContainer migrate = all.get("shop/web-7d9c8b6f4d-x5k2p/init:migrate");
    assertThat(migrate.init()).isTrue();
    assertThat(migrate.image().toString()).isEqualTo("ghcr.io/acme/migrate:v1.4.0");
    assertThat(all.get("shop/backup-29402520-q7xkz/backup").workload())
        .isEqualTo(new Workload("CronJob", "backup"));
    RunningContainer postgres = all.get("shop/db-0/postgres");
    assertThat(postgres.workload()).isEqualTo(new Workload("StatefulSet", "db"));
    assertThat(postgres.policy().upgradePolicy().scheme().id()).isEqualTo("semver");
    assertThat(postgres.policy().warnings())
        .singleElement()
        .asString()
        .contains("inspectr.io/pin", "sideways");
    assertThat(all.get("tools/debug/debug").workload()).isEqualTo(new Workload("Pod", "debug"));
    assertThat(all.get("tools/debug/debug").runningDigest()).isNotNull();
    assertThat(all.get("tools/debug/net").runningDigest())
        .as("a local config digest is unknown")
        .isNull();

    // Paged: the server was asked for pages of two, with continue tokens, and skipped finished
    // pods.
    // Six pods pass the server-side selector: three pages, two of them continued.
    assertThat(server.requests("GET", "/api/v1/pods", "limit=2", "continue=")).isEqualTo(2);
    assertThat(server.requests("GET", "/api/v1/pods", "fieldSelector=status.phase"))
        .isGreaterThan(0);
    // Three pods share one ReplicaSet, which was read once.
    assertThat(server.requests("GET", "/replicasets/web-7d9c8b6f4d")).isEqualTo(1);
    assertThat(listener.ids("added")).hasSize(13).doesNotHaveDuplicates();
    assertThat(listener.synced).hasValue(1);
  }

  @Test
  void reportsWatchedChangesWithinSeconds() throws Exception {
    server.apply("pods", pod(STATEFULSET_POD).toString());
    startSource(settings().build());
    assertThat(listener.ids("added")).containsExactly("shop/db-0/postgres");

    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    await().atMost(WAIT).until(() -> listener.ids("added").size() == 4);

    String newer = "docker.io/library/nginx@sha256:" + "b".repeat(64);
    server.apply("pods", pod(DEPLOYMENT_POD).image("nginx", "nginx:1.27.3", newer).toString());
    await().atMost(WAIT).until(() -> !listener.ofType("updated").isEmpty());
    RunningContainer updated = listener.ofType("updated").get(0).container();
    assertThat(updated.container()).isEqualTo("nginx");
    assertThat(updated.image().tag()).contains("1.27.3");
    assertThat(listener.ofType("updated")).hasSize(1);

    server.apply("pods", pod(STATEFULSET_POD).phase("Failed").toString());
    await().atMost(WAIT).until(() -> listener.ids("removed").contains("shop/db-0/postgres"));

    server.remove("pods", "shop", "web-7d9c8b6f4d-x5k2p");
    await().atMost(WAIT).until(() -> listener.ids("removed").size() == 4);
    assertThat(source.snapshot()).isEmpty();
  }

  @Test
  void relistsAfterGoneWithoutLosingOrDuplicatingContainers() throws Exception {
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    server.apply("pods", pod(STATEFULSET_POD).toString());
    server.apply("pods", pod(CRONJOB_POD).toString());
    startSource(settings().build());
    await().atMost(WAIT).until(() -> server.openWatches() == 1);

    // While the history is compacted the watch cannot replay: a pod comes, one goes.
    server.expireWatches();
    server.remove("pods", "shop", "db-0");
    server.apply("pods", pod(BARE_POD).toString());

    await().atMost(WAIT).until(() -> source.listCount() >= 2);
    await().atMost(WAIT).until(() -> byId().containsKey("tools/debug/net"));
    assertThat(byId())
        .containsOnlyKeys(
            "shop/web-7d9c8b6f4d-x5k2p/nginx",
            "shop/web-7d9c8b6f4d-x5k2p/log-shipper",
            "shop/web-7d9c8b6f4d-x5k2p/init:migrate",
            "shop/backup-29402520-q7xkz/backup",
            "tools/debug/debug",
            "tools/debug/net");
    assertThat(listener.ids("added")).doesNotHaveDuplicates().hasSize(7);
    assertThat(listener.ids("removed")).containsExactly("shop/db-0/postgres");
    assertThat(listener.ofType("updated")).isEmpty();
  }

  @Test
  void restartsTheListWhenAContinueTokenExpires() throws Exception {
    for (String name : List.of("a", "b", "c", "d", "e")) {
      server.apply("pods", pod(BARE_POD).named(name).toString());
    }
    server.beforeNext("GET", "continue=", server::expireContinueTokens);

    startSource(settings().pageSize(2).build());

    assertThat(source.snapshot()).hasSize(10);
    assertThat(server.requestLog())
        .filteredOn(
            r ->
                r.startsWith("GET /api/v1/pods?")
                    && !r.contains("watch=true")
                    && !r.contains("continue="))
        .as("the list started over after the 410")
        .hasSize(2);
    assertThat(listener.ids("added")).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void resumesFromTheLastBookmarkAfterWatchFailures() throws Exception {
    server.apply("pods", pod(BARE_POD).toString());
    startSource(settings().build());
    await().atMost(WAIT).until(() -> server.openWatches() == 1);

    server.apply(
        "pods", pod(STATEFULSET_POD).named("unrelated").inNamespace("kube-system").toString());
    server.sendBookmarks();
    String bookmark = Long.toString(server.resourceVersion());
    server.failNext("GET", "watch=true", 503, 2);
    server.endWatches();

    await()
        .atMost(WAIT)
        .until(() -> server.requests("GET", "watch=true", "resourceVersion=" + bookmark) >= 3);
    await().atMost(WAIT).until(() -> server.openWatches() == 1);
    server.apply("pods", pod(CRONJOB_POD).toString());
    await()
        .atMost(WAIT)
        .until(() -> listener.ids("added").contains("shop/backup-29402520-q7xkz/backup"));
    assertThat(source.listCount()).as("no relist was needed").isEqualTo(1);
  }

  @Test
  void watchesLiteralNamespacesOneByOne() throws Exception {
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    server.apply("pods", pod(BARE_POD).toString());
    server.apply("pods", pod(BARE_POD).named("other").inNamespace("elsewhere").toString());

    startSource(
        settings().namespaces(new NamespaceFilter(List.of("shop", "tools"), List.of())).build());

    assertThat(source.snapshot())
        .extracting(RunningContainer::namespace)
        .containsOnly("shop", "tools");
    assertThat(server.requests("GET", "/api/v1/namespaces/shop/pods")).isGreaterThan(0);
    assertThat(server.requests("GET", "/api/v1/namespaces/tools/pods")).isGreaterThan(0);
    assertThat(server.requests("GET", "/api/v1/pods")).isZero();
  }

  @Test
  void resolvesAGuessedWorkloadOnceTheOwnerCanBeRead() throws Exception {
    // An Argo Rollout manages this ReplicaSet: the name-based guess (a Deployment) would be wrong.
    server.apply(
        "replicasets",
        text(WEB_REPLICASET)
            .replace("\"kind\": \"Deployment\"", "\"kind\": \"Rollout\"")
            .replace(
                "\"apiVersion\": \"apps/v1\", \"blockOwnerDeletion\"",
                "\"apiVersion\": \"argoproj.io/v1alpha1\", \"blockOwnerDeletion\""));
    server.failNext("GET", "/replicasets/web-7d9c8b6f4d", 503, 1);
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    startSource(settings().build());
    assertThat(byId().get("shop/web-7d9c8b6f4d-x5k2p/nginx").workload())
        .isEqualTo(new Workload("Deployment", "web"));

    // Once the failure is old enough, the next event for the pod, even without a change, tries
    // the owner again.
    clock.advance(OwnerResolver.FAILURE_RETRY.plusSeconds(1));
    server.apply("pods", pod(DEPLOYMENT_POD).toString());

    await().atMost(WAIT).until(() -> listener.ofType("updated").size() == 3);
    assertThat(byId().get("shop/web-7d9c8b6f4d-x5k2p/nginx").workload())
        .isEqualTo(new Workload("Rollout", "web"));
    assertThat(source.ownerLookups()).isEqualTo(2);
  }

  @Test
  void aSlowOwnerLookupDoesNotBlockTheSnapshot() throws Exception {
    CountDownLatch ownerAnswer = new CountDownLatch(1);
    server.beforeNext(
        "GET",
        "/replicasets/web-7d9c8b6f4d",
        () -> {
          try {
            ownerAnswer.await(WAIT.toSeconds() * 3, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.apply("pods", pod(STATEFULSET_POD).toString());
    server.apply("pods", pod(DEPLOYMENT_POD).toString());

    startSourceUnsynced(settings().build());
    try {
      await().atMost(WAIT).until(() -> server.requests("GET", "/replicasets/web-7d9c8b6f4d") == 1);

      // The watch thread waits for the ReplicaSet; readers of the cache must not wait with it.
      CompletableFuture<List<RunningContainer>> snapshot =
          CompletableFuture.supplyAsync(source::snapshot);
      assertThat(snapshot)
          .succeedsWithin(WAIT)
          .asInstanceOf(InstanceOfAssertFactories.list(RunningContainer.class))
          .extracting(RunningContainer::pod)
          .containsExactly("db-0");
      assertThat(source.hasSynced()).isFalse();
    } finally {
      ownerAnswer.countDown();
    }
    assertThat(source.awaitSynced(WAIT)).isTrue();
    assertThat(byId().get("shop/web-7d9c8b6f4d-x5k2p/nginx").workload())
        .isEqualTo(new Workload("Deployment", "web"));
  }
}
