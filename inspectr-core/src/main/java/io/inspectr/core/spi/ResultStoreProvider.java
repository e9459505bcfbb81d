package io.inspectr.core.spi;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;

/**
 * Creates a {@link ResultStore}. Listed in {@code
 * META-INF/services/io.inspectr.core.spi.ResultStoreProvider} and found with {@link
 * java.util.ServiceLoader}; a no-argument constructor is required. Configuration lives under {@code
 * inspectr.state.<id>}.
 *
 * @since 0.1
 */
public interface ResultStoreProvider {

  /**
   * A unique, stable id, e.g. {@code file} or {@code configmap}.
   *
   * @return never {@code null}
   */
  String id();

  /**
   * Creates the store.
   *
   * @param config the store's configuration, never {@code null}
   * @return never {@code null}
   * @throws InvalidConfigurationException listing every problem in {@code config}
   */
  ResultStore create(PluginConfig config);
}
