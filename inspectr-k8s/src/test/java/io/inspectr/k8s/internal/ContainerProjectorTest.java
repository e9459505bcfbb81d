package io.inspectr.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerProjectorTest {
  private final ContainerProjector projector =
      new ContainerProjector("c1", pod -> new Workload("Deployment", "web"));

  private static SlimPod replica(String name, Map<String, String> annotations) {
    return new SlimPod(
        "shop",
        name,
        "uid-" + name,
        "1",
        "Running",
        List.of(),
        "7d9c8b6f4d",
        "default",
        List.of(),
        annotations,
        List.of(
            new SlimPod.Container("app", false, "nginx:1.25", ""),
            new SlimPod.Container("sidecar", false, "busybox:1.36", "")));
  }

  @Test
  void thePodsOfOneWorkloadShareOnePolicyWithOneWarningPerBadAnnotation() {
    Map<String, String> annotations =
        Map.of("inspectr.io/pin/app", "sideways", "inspectr.io/versioning", "calendar");

    List<RunningContainer> first = projector.project(replica("web-7d9c8b6f4d-x5k2p", annotations));
    List<RunningContainer> second = projector.project(replica("web-7d9c8b6f4d-b2m9q", annotations));

    assertThat(second.get(0).policy()).isSameAs(first.get(0).policy());
    assertThat(second.get(1).policy()).isSameAs(first.get(1).policy());
    assertThat(first.get(0).policy().warnings())
        .hasSize(2)
        .noneMatch(w -> w.contains("x5k2p"))
        .anySatisfy(
            w -> assertThat(w).contains("inspectr.io/pin/app", "container app", "'sideways'"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("inspectr.io/versioning", "every container", "'calendar'", "semver"));
    // A pod-wide annotation reads the same for each container, so the workload gets it once.
    assertThat(first.get(1).policy().warnings())
        .containsExactlyElementsOf(
            first.get(0).policy().warnings().stream()
                .filter(w -> w.contains("inspectr.io/versioning"))
                .toList());
  }
}
