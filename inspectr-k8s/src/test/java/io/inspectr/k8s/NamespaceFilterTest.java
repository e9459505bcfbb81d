package io.inspectr.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceFilterTest {
  @Test
  void theDefaultWatchesEverythingButKubeSystem() {
    NamespaceFilter filter = NamespaceFilter.defaults();

    assertThat(filter.matches("shop")).isTrue();
    assertThat(filter.matches("kube-system")).isFalse();
    assertThat(filter.namespacedWatch()).isFalse();
    assertThat(filter.serverSideExclusions()).containsExactly("metadata.namespace!=kube-system");
  }

  @Test
  void exclusionWinsOverInclusion() {
    NamespaceFilter filter = new NamespaceFilter(List.of("team-*"), List.of("team-sandbox"));

    assertThat(filter.matches("team-a")).isTrue();
    assertThat(filter.matches("team-sandbox")).isFalse();
    assertThat(filter.matches("other")).isFalse();
    assertThat(filter.namespacedWatch()).as("a glob needs a cluster-wide watch").isFalse();
  }

  @Test
  void literalIncludesAreWatchedOneByOne() {
    NamespaceFilter filter =
        new NamespaceFilter(List.of("shop", "tools", "kube-system"), List.of("kube-system"));

    assertThat(filter.namespacedWatch()).isTrue();
    assertThat(filter.literalIncludes()).containsExactly("shop", "tools");
  }

  @Test
  void globExclusionsAreLeftToTheClient() {
    assertThat(
            new NamespaceFilter(List.of(), List.of("kube-*", "cattle-system"))
                .serverSideExclusions())
        .containsExactly("metadata.namespace!=cattle-system");
  }

  @Test
  void rejectsAGlobThatCannotMatchANamespace() {
    assertThatThrownBy(() -> new NamespaceFilter(List.of("Shop_Prod"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Shop_Prod");
  }
}
