package io.inspectr.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesSettingsTest {
  private static PluginConfig config(Map<String, String> values) {
    return PluginConfig.of(KubernetesSettings.PREFIX, values);
  }

  @Test
  void everyDefaultIsAsDocumented() {
    KubernetesSettings s = KubernetesSettings.fromConfig(config(Map.of()));

    assertThat(s).isEqualTo(KubernetesSettings.defaults());
    assertThat(s.clusterName()).isNull();
    assertThat(s.contexts()).isEmpty();
    assertThat(s.kubeconfig()).isNull();
    assertThat(s.namespaces()).isEqualTo(new NamespaceFilter(List.of(), List.of("kube-system")));
    assertThat(s.pullSecrets()).isFalse();
    assertThat(s.pageSize()).isEqualTo(500);
    assertThat(s.watchTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.resync()).isEqualTo(Duration.ofHours(1));
    assertThat(s.backoffInitial()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoffMax()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.credentialsTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.ownerCacheSize()).isEqualTo(10_000);
  }

  @Test
  void readsEveryKey() {
    KubernetesSettings s =
        KubernetesSettings.fromConfig(
            config(
                Map.ofEntries(
                    Map.entry("contexts", "prod-eu=eu, staging"),
                    Map.entry("kubeconfig", "/etc/inspectr/kubeconfig"),
                    Map.entry("namespaces-include", "shop,team-*"),
                    Map.entry("namespaces-exclude", "team-sandbox"),
                    Map.entry("pull-secrets", "true"),
                    Map.entry("page-size", "250"),
                    Map.entry("watch-timeout", "10m"),
                    Map.entry("resync", "0s"),
                    Map.entry("backoff-initial", "500ms"),
                    Map.entry("backoff-max", "30s"),
                    Map.entry("credentials-ttl", "1h"),
                    Map.entry("owner-cache-size", "50"))));

    assertThat(s.contexts())
        .containsExactly(new KubeContext("prod-eu", "eu"), new KubeContext("staging", null));
    assertThat(s.kubeconfig()).isEqualTo(Path.of("/etc/inspectr/kubeconfig"));
    assertThat(s.namespaces())
        .isEqualTo(new NamespaceFilter(List.of("shop", "team-*"), List.of("team-sandbox")));
    assertThat(s.pullSecrets()).isTrue();
    assertThat(s.pageSize()).isEqualTo(250);
    assertThat(s.watchTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.resync()).isZero();
    assertThat(s.backoffInitial()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.backoffMax()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.credentialsTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(s.ownerCacheSize()).isEqualTo(50);
  }

  @Test
  void excludeNoneWatchesKubeSystemToo() {
    KubernetesSettings s =
        KubernetesSettings.fromConfig(config(Map.of("namespaces-exclude", "none")));

    assertThat(s.namespaces().matches("kube-system")).isTrue();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                KubernetesSettings.fromConfig(
                    config(
                        Map.of(
                            "cluster-name", "prod",
                            "contexts", "a,b",
                            "page-size", "0",
                            "watch-timeout", "soon",
                            "namespaces-include", "Bad_Name"))))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.problems()).hasSize(4))
        .hasMessageContaining("inspectr.kubernetes.cluster-name")
        .hasMessageContaining("inspectr.kubernetes.page-size")
        .hasMessageContaining("inspectr.kubernetes.watch-timeout")
        .hasMessageContaining("inspectr.kubernetes.namespaces-include");
  }

  @Test
  void aClusterNameNamesTheOnlyContext() {
    KubernetesSettings s =
        KubernetesSettings.fromConfig(
            config(Map.of("cluster-name", "prod", "contexts", "gke_prod")));

    assertThat(s.clusterName()).isEqualTo("prod");
  }

  @Test
  void theBuilderChecksRanges() {
    assertThatThrownBy(
            () ->
                KubernetesSettings.builder()
                    .backoff(Duration.ofSeconds(5), Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoff");
  }
}
