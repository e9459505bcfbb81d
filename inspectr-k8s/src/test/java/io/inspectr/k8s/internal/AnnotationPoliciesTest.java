package io.inspectr.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.image.Repository;
import io.inspectr.core.result.ContainerPolicy;
import io.inspectr.core.version.Pin;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationPoliciesTest {
  private static ContainerPolicy policy(Map<String, String> annotations, String container) {
    return AnnotationPolicies.policyFor(annotations, container);
  }

  @Test
  void noAnnotationsGiveTheSharedDefault() {
    assertThat(policy(Map.of(), "app")).isSameAs(ContainerPolicy.defaults());
  }

  @Test
  void readsEveryAnnotation() {
    ContainerPolicy p =
        policy(
            Map.of(
                "inspectr.io/pin", "major",
                "inspectr.io/include-tags", "^\\d+\\.\\d+\\.\\d+$",
                "inspectr.io/exclude-tags", "rc",
                "inspectr.io/versioning", "semver",
                "inspectr.io/allow-prerelease", "true",
                "inspectr.io/lookup-image", "docker.io/library/nginx"),
            "app");

    assertThat(p.ignored()).isFalse();
    assertThat(p.upgradePolicy().pin()).isEqualTo(Pin.MAJOR);
    assertThat(p.upgradePolicy().includeTags().regex()).isEqualTo("^\\d+\\.\\d+\\.\\d+$");
    assertThat(p.upgradePolicy().excludeTags().regex()).isEqualTo("rc");
    assertThat(p.upgradePolicy().scheme().id()).isEqualTo("semver");
    assertThat(p.upgradePolicy().allowPreRelease()).isTrue();
    assertThat(p.lookupRepository()).isEqualTo(Repository.parse("nginx"));
    assertThat(p.warnings()).isEmpty();
  }

  @Test
  void aContainerScopedAnnotationWinsForThatContainerOnly() {
    Map<String, String> annotations =
        Map.of(
            "inspectr.io/pin",
            "minor",
            "inspectr.io/pin/sidecar",
            "none",
            "inspectr.io/ignore/sidecar",
            "yes");

    assertThat(policy(annotations, "app").upgradePolicy().pin()).isEqualTo(Pin.MINOR);
    assertThat(policy(annotations, "app").ignored()).isFalse();
    assertThat(policy(annotations, "sidecar").upgradePolicy().pin()).isEqualTo(Pin.NONE);
    assertThat(policy(annotations, "sidecar").ignored()).isTrue();
  }

  @Test
  void badValuesBecomeWarningsAndTheDefaultsStay() {
    ContainerPolicy p =
        policy(
            Map.of(
                "inspectr.io/pin/app", "sideways",
                "inspectr.io/include-tags", "([",
                "inspectr.io/versioning", "calendar",
                "inspectr.io/ignore", "maybe",
                "inspectr.io/lookup-image", "nginx:1.25"),
            "app");

    assertThat(p.upgradePolicy().pin()).isEqualTo(Pin.NONE);
    assertThat(p.upgradePolicy().includeTags()).isNull();
    assertThat(p.upgradePolicy().scheme().id()).isEqualTo("docker");
    assertThat(p.ignored()).isFalse();
    assertThat(p.lookupRepository()).isNull();
    assertThat(p.warnings()).hasSize(5);
    assertThat(p.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(
                        "inspectr.io/pin/app (for container app only) was 'sideways'",
                        "major, minor or none",
                        "default is used"));
    assertThat(p.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(
                        "inspectr.io/include-tags (for every container of the pod) was '(['",
                        "valid regular expression"));
  }

  @Test
  void anUnknownInspectrAnnotationIsReported() {
    ContainerPolicy p = policy(Map.of("inspectr.io/pinn", "minor"), "app");

    assertThat(p.warnings())
        .singleElement()
        .asString()
        .contains("inspectr.io/pinn", "not one inspectr knows");
  }
}
