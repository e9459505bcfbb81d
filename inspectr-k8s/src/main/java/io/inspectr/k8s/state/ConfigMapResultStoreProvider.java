package io.inspectr.k8s.state;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.spi.ResultStore;
import io.inspectr.core.spi.ResultStoreProvider;
import io.inspectr.k8s.KubernetesClusters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Provides the {@code configmap} state store ({@link ConfigMapResultStore}), configured under
 * {@code inspectr.state.configmap}. The cluster connection is made on first use.
 *
 * @since 0.1
 */
public final class ConfigMapResultStoreProvider implements ResultStoreProvider {

  /** For {@link java.util.ServiceLoader}. */
  public ConfigMapResultStoreProvider() {}

  @Override
  public String id() {
    return ConfigMapResultStore.ID;
  }

  @Override
  public ResultStore create(PluginConfig config) {
    ConfigMapStoreSettings settings = ConfigMapStoreSettings.fromConfig(config);
    return new ConfigMapResultStore(
        () -> {
          try {
            return KubernetesClusters.client(settings.kubeconfig(), settings.context());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        settings,
        Clock.systemUTC());
  }
}
