package io.inspectr.notify.webhook;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;

/**
 * Provides the {@code webhook} notifier, configured under {@code inspectr.notify.webhook} by {@code
 * url}. Found by {@link java.util.ServiceLoader}. Stateless.
 *
 * @since 0.1
 */
public final class WebhookNotifierProvider implements NotifierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public WebhookNotifierProvider() {}

  @Override
  public String id() {
    return WebhookNotifier.ID;
  }

  @Override
  public boolean isConfigured(PluginConfig config) {
    return WebhookNotifierConfig.isConfigured(config);
  }

  @Override
  public Notifier create(PluginConfig config) {
    return new WebhookNotifier(WebhookNotifierConfig.from(config));
  }
}
