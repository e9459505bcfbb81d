package io.inspectr.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.k8s.internal.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesClustersTest {
  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: staging
      clusters:
      - name: eu
        cluster:
          server: https://127.0.0.1:6443
          insecure-skip-tls-verify: true
      - name: us
        cluster:
          server: https://127.0.0.2:6443
          insecure-skip-tls-verify: true
      contexts:
      - name: prod-eu
        context: {cluster: eu, user: bot}
      - name: staging
        context: {cluster: us, user: bot}
      users:
      - name: bot
        user: {token: not-a-real-token}
      """;

  @TempDir Path home;
  private Environment env;

  @BeforeEach
  void writeKubeconfig() throws IOException {
    Path dir = Files.createDirectories(home.resolve(".kube"));
    Files.writeString(dir.resolve("config"), KUBECONFIG);
    env = new Environment(Map.of(), home.resolve("no-service-account"), home);
  }

  @Test
  void oneConnectionPerContextNamedAfterItOrItsClusterName() throws IOException {
    KubernetesSettings settings =
        KubernetesSettings.builder()
            .contexts(List.of(KubeContext.parse("prod-eu=eu-prod"), KubeContext.parse("staging")))
            .build();

    List<ClusterConnection> connections = KubernetesClusters.connect(settings, env);

    assertThat(connections)
        .extracting(ClusterConnection::name)
        .containsExactly("eu-prod", "staging");
    assertThat(connections.get(0).client().getBasePath()).isEqualTo("https://127.0.0.1:6443");
    assertThat(connections.get(1).client().getBasePath()).isEqualTo("https://127.0.0.2:6443");
    assertThat(connections.get(0).client().getReadTimeout())
        .as("watches need no read timeout")
        .isZero();
    assertThat(connections.get(0).toString()).doesNotContain("not-a-real-token");
  }

  @Test
  void withoutContextsTheCurrentOneIsUsedUnderTheConfiguredClusterName() throws IOException {
    assertThat(KubernetesClusters.connect(KubernetesSettings.defaults(), env))
        .singleElement()
        .extracting(ClusterConnection::name)
        .isEqualTo("staging");
    assertThat(
            KubernetesClusters.connect(
                KubernetesSettings.builder().clusterName("shop").build(), env))
        .singleElement()
        .extracting(ClusterConnection::name)
        .isEqualTo("shop");
  }

  @Test
  void kubeconfigVariableWinsOverTheHomeFile() throws IOException {
    Path other = home.resolve("other.yaml");
    Files.writeString(
        other, KUBECONFIG.replace("current-context: staging", "current-context: prod-eu"));
    Environment withVariable =
        new Environment(
            Map.of("KUBECONFIG", other + java.io.File.pathSeparator + "/ignored"),
            home.resolve("x"),
            home);

    assertThat(KubernetesClusters.connect(KubernetesSettings.defaults(), withVariable))
        .singleElement()
        .extracting(ClusterConnection::name)
        .isEqualTo("prod-eu");
  }

  @Test
  void anUnknownContextIsAConfigurationProblemNamingTheKnownOnes() {
    KubernetesSettings settings =
        KubernetesSettings.builder().contexts(List.of(KubeContext.parse("prod-us"))).build();

    assertThatThrownBy(() -> KubernetesClusters.connect(settings, env))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("inspectr.kubernetes.contexts was 'prod-us'")
        .hasMessageContaining("prod-eu, staging");
  }

  @Test
  void aMissingKubeconfigSaysWhereItLooked() {
    Environment empty = new Environment(Map.of(), home.resolve("x"), home.resolve("nobody"));

    assertThatThrownBy(() -> KubernetesClusters.connect(KubernetesSettings.defaults(), empty))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nobody")
        .hasMessageContaining("KUBECONFIG");
  }
}
