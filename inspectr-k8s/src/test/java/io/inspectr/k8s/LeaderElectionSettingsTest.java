package io.inspectr.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.k8s.internal.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderElectionSettingsTest {
  @TempDir Path serviceAccount;

  private Environment pod(Map<String, String> env) {
    return new Environment(env, serviceAccount, serviceAccount);
  }

  @Test
  void defaultsToThePodsNameAndNamespace() throws Exception {
    Files.writeString(serviceAccount.resolve("namespace"), "inspectr-system\n");
    Files.writeString(serviceAccount.resolve("token"), "jwt");

    LeaderElectionSettings s =
        LeaderElectionSettings.fromConfig(
            PluginConfig.empty(LeaderElectionSettings.PREFIX),
            pod(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "inspectr-6f7d-abcde")));

    assertThat(s)
        .isEqualTo(
            new LeaderElectionSettings(
                "inspectr-system",
                "inspectr-leader",
                "inspectr-6f7d-abcde",
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2)));
  }

  @Test
  void configurationAndPodNameWinOverTheDefaults() {
    LeaderElectionSettings s =
        LeaderElectionSettings.fromConfig(
            PluginConfig.of(
                LeaderElectionSettings.PREFIX,
                Map.of(
                    "lease-name",
                    "scanner",
                    "lease-namespace",
                    "ops",
                    "lease-duration",
                    "30s",
                    "renew-deadline",
                    "20s",
                    "retry-period",
                    "5s")),
            pod(Map.of("POD_NAME", "inspectr-0", "HOSTNAME", "ignored")));

    assertThat(s.leaseName()).isEqualTo("scanner");
    assertThat(s.leaseNamespace()).isEqualTo("ops");
    assertThat(s.identity()).isEqualTo("inspectr-0");
    assertThat(s.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void outsideAPodEachProcessGetsItsOwnIdentity() {
    PluginConfig none = PluginConfig.empty(LeaderElectionSettings.PREFIX);

    assertThat(LeaderElectionSettings.fromConfig(none, pod(Map.of())).identity())
        .startsWith("inspectr-")
        .isNotEqualTo(LeaderElectionSettings.fromConfig(none, pod(Map.of())).identity());
  }

  @Test
  void twoLocalProcessesOnOneMachineDoNotShareTheHostNameAsIdentity() {
    PluginConfig none = PluginConfig.empty(LeaderElectionSettings.PREFIX);
    Map<String, String> sameMachine = Map.of("HOSTNAME", "laptop");

    String first = LeaderElectionSettings.fromConfig(none, pod(sameMachine)).identity();
    String second = LeaderElectionSettings.fromConfig(none, pod(sameMachine)).identity();

    assertThat(first).startsWith("inspectr-").isNotEqualTo("laptop").isNotEqualTo(second);
  }

  @Test
  void timingsMustShrinkFromLeaseToRetry() {
    assertThatThrownBy(
            () ->
                LeaderElectionSettings.fromConfig(
                    PluginConfig.of(LeaderElectionSettings.PREFIX, Map.of("renew-deadline", "20s")),
                    pod(Map.of("POD_NAME", "p"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lease-duration > renew-deadline > retry-period");
    assertThatThrownBy(
            () ->
                LeaderElectionSettings.of("ns", "p")
                    .withTimings(
                        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
