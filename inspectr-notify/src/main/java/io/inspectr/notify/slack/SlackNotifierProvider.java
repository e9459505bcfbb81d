package io.inspectr.notify.slack;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;

/**
 * Provides the {@code slack} notifier, configured under {@code inspectr.notify.slack} by {@code
 * webhook-id} or {@code webhook-url}. Found by {@link java.util.ServiceLoader}. Stateless.
 *
 * @since 0.1
 */
public final class SlackNotifierProvider implements NotifierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public SlackNotifierProvider() {}

  @Override
  public String id() {
    return SlackNotifier.ID;
  }

  @Override
  public boolean isConfigured(PluginConfig config) {
    return SlackNotifierConfig.isConfigured(config);
  }

  @Override
  public Notifier create(PluginConfig config) {
    return new SlackNotifier(SlackNotifierConfig.from(config));
  }
}
