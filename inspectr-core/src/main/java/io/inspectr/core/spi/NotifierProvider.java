package io.inspectr.core.spi;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;

/**
 * Creates a {@link Notifier}. Listed in {@code
 * META-INF/services/io.inspectr.core.spi.NotifierProvider} and found with {@link
 * java.util.ServiceLoader}; a no-argument constructor is required. Configuration lives under {@code
 * inspectr.notify.<id>}.
 *
 * @since 0.1
 */
public interface NotifierProvider {

  /**
   * A unique, stable id, e.g. {@code slack}. Ids starting with {@code inspectr-} are reserved.
   *
   * @return never {@code null}
   */
  String id();

  /**
   * Whether the configuration asks for this notifier at all (e.g. a webhook is set). Unconfigured
   * notifiers are not created and not reported as errors.
   *
   * @param config the notifier's configuration, never {@code null}
   * @return {@code true} when it should be created
   */
  boolean isConfigured(PluginConfig config);

  /**
   * Creates the notifier.
   *
   * @param config the notifier's configuration, never {@code null}
   * @return never {@code null}
   * @throws InvalidConfigurationException listing every problem in {@code config}
   */
  Notifier create(PluginConfig config);
}
