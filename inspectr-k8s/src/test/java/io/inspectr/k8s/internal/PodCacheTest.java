package io.inspectr.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import io.inspectr.k8s.ContainerListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodCacheTest {
  private static final String NGINX_ID = "docker.io/library/nginx@sha256:" + "a".repeat(64);

  private final List<String> events = new ArrayList<>();
  private final PodCache cache =
      new PodCache(
          new ContainerProjector("c1", pod -> new Workload("Deployment", "web")),
          ns -> !ns.equals("kube-system"));

  {
    cache.addListener(
        new ContainerListener() {
          @Override
          public void added(RunningContainer c) {
            events.add("added " + c.pod() + "/" + c.container());
          }

          @Override
          public void updated(RunningContainer before, RunningContainer after) {
            events.add("updated " + after.pod() + "/" + after.container() + " " + after.image());
          }

          @Override
          public void removed(RunningContainer c) {
            events.add("removed " + c.pod() + "/" + c.container());
          }
        });
  }

  private static SlimPod pod(
      String ns, String name, String rv, String phase, String image, String... more) {
    List<SlimPod.Container> containers = new ArrayList<>();
    containers.add(new SlimPod.Container("app", false, image, NGINX_ID));
    for (String extra : more) {
      containers.add(new SlimPod.Container(extra, false, "busybox:1.36", ""));
    }
    return new SlimPod(
        ns,
        name,
        "uid-" + name,
        rv,
        phase,
        List.of(),
        null,
        "default",
        List.of(),
        Map.of(),
        containers);
  }

  @Test
  void reportsAdditionsUpdatesAndRemovalsPerContainer() {
    cache.upsert(pod("shop", "web-1", "1", "Running", "nginx:1.25", "sidecar"));
    cache.upsert(pod("shop", "web-1", "2", "Running", "nginx:1.27"));
    cache.delete("shop", "web-1");

    assertThat(events)
        .containsExactly(
            "added web-1/app",
            "added web-1/sidecar",
            "updated web-1/app docker.io/library/nginx:1.27",
            "removed web-1/sidecar",
            "removed web-1/app");
  }

  @Test
  void aNewResourceVersionWithTheSameContentIsNoEvent() {
    cache.upsert(pod("shop", "web-1", "1", "Running", "nginx:1.25"));
    cache.upsert(pod("shop", "web-1", "7", "Running", "nginx:1.25"));

    assertThat(events).containsExactly("added web-1/app");
    assertThat(cache.pod("shop", "web-1"))
        .get()
        .extracting(SlimPod::resourceVersion)
        .isEqualTo("7");
  }

  @Test
  void finishedPodsAndExcludedNamespacesAreNotKept() {
    cache.upsert(pod("shop", "job-1", "1", "Running", "nginx:1.25"));
    cache.upsert(pod("shop", "job-1", "2", "Succeeded", "nginx:1.25"));
    cache.upsert(pod("kube-system", "dns", "3", "Running", "nginx:1.25"));

    assertThat(events).containsExactly("added job-1/app", "removed job-1/app");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aRelistDeletesWhatVanishedInItsScopeOnly() {
    cache.upsert(pod("a", "one", "1", "Running", "nginx:1.25"));
    cache.upsert(pod("a", "two", "2", "Running", "nginx:1.25"));
    cache.upsert(pod("b", "three", "3", "Running", "nginx:1.25"));
    events.clear();

    cache.replace(
        List.of(
            pod("a", "one", "9", "Running", "nginx:1.25"),
            pod("a", "four", "9", "Running", "nginx:1.25")),
        "a"::equals);

    assertThat(events).containsExactlyInAnyOrder("added four/app", "removed two/app");
    assertThat(cache.snapshot())
        .extracting(RunningContainer::pod)
        .containsExactlyInAnyOrder("one", "three", "four");
  }

  @Test
  void anUnreadableImageIsLeftOutAndTheRestReported() {
    cache.upsert(pod("shop", "web-1", "1", "Running", "Not/A:Valid:Image", "sidecar"));

    assertThat(events).containsExactly("added web-1/sidecar");
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheOthers() {
    List<String> second = new ArrayList<>();
    PodCache twoListeners =
        new PodCache(
            new ContainerProjector("c1", pod -> new Workload("Pod", pod.name())), ns -> true);
    twoListeners.addListener(
        new ContainerListener() {
          @Override
          public void added(RunningContainer c) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void updated(RunningContainer before, RunningContainer after) {}

          @Override
          public void removed(RunningContainer c) {}
        });
    twoListeners.addListener(
        new ContainerListener() {
          @Override
          public void added(RunningContainer c) {
            second.add(c.container());
          }

          @Override
          public void updated(RunningContainer before, RunningContainer after) {}

          @Override
          public void removed(RunningContainer c) {}
        });

    twoListeners.upsert(pod("shop", "web-1", "1", "Running", "nginx:1.25"));

    assertThat(second).containsExactly("app");
  }
}
