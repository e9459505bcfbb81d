package io.inspectr.notify.log;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;

/**
 * Provides the {@code log} notifier, switched on by {@code inspectr.notify.log.enabled=true}. Found
 * by {@link java.util.ServiceLoader}. Stateless.
 *
 * @since 0.1
 */
public final class LogNotifierProvider implements NotifierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public LogNotifierProvider() {}

  @Override
  public String id() {
    return LogNotifier.ID;
  }

  @Override
  public boolean isConfigured(PluginConfig config) {
    return LogNotifierConfig.isConfigured(config);
  }

  @Override
  public Notifier create(PluginConfig config) {
    return new LogNotifier(LogNotifierConfig.from(config));
  }
}
