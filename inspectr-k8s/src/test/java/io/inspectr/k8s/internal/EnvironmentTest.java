package io.inspectr.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {
  @TempDir Path dir;

  @Test
  void inAPodWithAMountedServiceAccount() throws Exception {
    Files.writeString(dir.resolve("token"), "jwt");
    Files.writeString(dir.resolve("namespace"), "inspectr\n");
    Environment env =
        new Environment(
            Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "inspectr-7c9-x2"), dir, dir);

    assertThat(env.inCluster()).isTrue();
    assertThat(env.ownNamespace()).isEqualTo("inspectr");
    assertThat(env.podName()).contains("inspectr-7c9-x2");
  }

  @Test
  void outsideAClusterWithoutServiceAccount() {
    Environment env = new Environment(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), dir, dir);

    assertThat(env.inCluster()).as("no token mounted").isFalse();
    assertThat(env.ownNamespace()).isEqualTo("default");
    assertThat(env.podName()).isEmpty();
    assertThat(env.kubeconfig(null)).isEqualTo(dir.resolve(".kube").resolve("config"));
    assertThat(env.kubeconfig(Path.of("/etc/k"))).isEqualTo(Path.of("/etc/k"));
  }

  @Test
  void outsideAPodTheHostNameIsNoPodName() {
    Map<String, String> local = Map.of("HOSTNAME", "laptop");

    assertThat(new Environment(local, dir, dir).podName())
        .as("every process on the machine shares the host name")
        .isEmpty();
    assertThat(new Environment(Map.of("HOSTNAME", "laptop", "POD_NAME", "p-1"), dir, dir).podName())
        .contains("p-1");
  }

  @Test
  void podNamespaceVariableWinsOverTheFile() throws Exception {
    Files.writeString(dir.resolve("namespace"), "from-file");

    assertThat(new Environment(Map.of("POD_NAMESPACE", "from-env"), dir, dir).ownNamespace())
        .isEqualTo("from-env");
  }
}
