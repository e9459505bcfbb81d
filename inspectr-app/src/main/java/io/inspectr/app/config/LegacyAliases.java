package io.inspectr.app.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Environment variables of the original inspectr and other names that do not follow the rule of
 * {@link ConfigSources}, mapped to their keys. Existing deployments keep working unchanged.
 */
final class LegacyAliases {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("INSPECTR_SLACK_WEBHOOK_ID", "inspectr.notify.slack.webhook-id"),
          Map.entry("INSPECTR_SLACK_WEBHOOK_URL", "inspectr.notify.slack.webhook-url"),
          Map.entry("INSPECTR_JIRA_URL", "inspectr.notify.jira.url"),
          Map.entry("INSPECTR_JIRA_PARAMS", "inspectr.notify.jira.params"),
          Map.entry("INSPECTR_INSECURE_REGISTRIES", "inspectr.registry.insecure-registries"),
          Map.entry("INSPECTR_NAMESPACES_INCLUDE", "inspectr.kubernetes.namespaces-include"),
          Map.entry("INSPECTR_NAMESPACES_EXCLUDE", "inspectr.kubernetes.namespaces-exclude"),
          Map.entry("INSPECTR_CLUSTER_NAME", "inspectr.kubernetes.cluster-name"));

  private LegacyAliases() {}

  /**
   * The key an aliased variable sets.
   *
   * @param environmentName e.g. {@code INSPECTR_SLACK_WEBHOOK_ID}
   * @return the key, or {@code null} when the name is not an alias
   */
  static @Nullable String keyFor(String environmentName) {
    return ALIASES.get(environmentName);
  }
}
