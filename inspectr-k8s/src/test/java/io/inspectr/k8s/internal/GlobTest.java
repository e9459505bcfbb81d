package io.inspectr.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void matchesWholeNamesWithStarAndQuestionMark() {
    assertThat(Glob.matches("team-*", "team-a")).isTrue();
    assertThat(Glob.matches("team-*", "my-team-a")).isFalse();
    assertThat(Glob.matches("*-prod", "shop-prod")).isTrue();
    assertThat(Glob.matches("ns-?", "ns-1")).isTrue();
    assertThat(Glob.matches("ns-?", "ns-12")).isFalse();
    assertThat(Glob.matches("kube-system", "kube-system")).isTrue();
    assertThat(Glob.matches("a.b", "axb")).as("a dot is literal").isFalse();
  }
}
