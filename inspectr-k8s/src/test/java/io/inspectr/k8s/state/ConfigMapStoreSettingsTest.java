package io.inspectr.k8s.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.k8s.internal.Environment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapStoreSettingsTest {
  private static final Environment POD =
      new Environment(
          Map.of("POD_NAMESPACE", "inspectr-system"),
          Path.of("/nonexistent"),
          Path.of("/nonexistent"));

  @Test
  void defaultsToInspectrStateInThePodsNamespace() {
    assertThat(
            ConfigMapStoreSettings.fromConfig(PluginConfig.empty("inspectr.state.configmap"), POD))
        .isEqualTo(new ConfigMapStoreSettings("inspectr-system", "inspectr-state", 5, null, null));
  }

  @Test
  void readsEveryKeyAndReportsBadOnesTogether() {
    assertThat(
            ConfigMapStoreSettings.fromConfig(
                PluginConfig.of(
                    "inspectr.state.configmap",
                    Map.of(
                        "namespace",
                        "ops",
                        "name",
                        "scanner-state",
                        "max-attempts",
                        "9",
                        "context",
                        "prod")),
                POD))
        .isEqualTo(new ConfigMapStoreSettings("ops", "scanner-state", 9, "prod", null));
    assertThatThrownBy(
            () ->
                ConfigMapStoreSettings.fromConfig(
                    PluginConfig.of(
                        "inspectr.state.configmap",
                        Map.of("name", "Bad_Name", "max-attempts", "0")),
                    POD))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining("inspectr.state.configmap.name");
  }

  @Test
  void theProviderIsFoundByItsId() {
    assertThat(
            java.util.ServiceLoader.load(io.inspectr.core.spi.ResultStoreProvider.class).stream())
        .anySatisfy(p -> assertThat(p.get().id()).isEqualTo("configmap"));
  }
}
