package io.inspectr.notify.jira;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;

/**
 * Provides the {@code jira} notifier, configured under {@code inspectr.notify.jira} by {@code url}
 * and either {@code params} (the original {@code INSPECTR_JIRA_PARAMS}) or separate keys. Found by
 * {@link java.util.ServiceLoader}. Stateless.
 *
 * @since 0.1
 */
public final class JiraNotifierProvider implements NotifierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public JiraNotifierProvider() {}

  @Override
  public String id() {
    return JiraNotifier.ID;
  }

  @Override
  public boolean isConfigured(PluginConfig config) {
    return JiraNotifierConfig.isConfigured(config);
  }

  @Override
  public Notifier create(PluginConfig config) {
    return new JiraNotifier(JiraNotifierConfig.from(config));
  }
}
