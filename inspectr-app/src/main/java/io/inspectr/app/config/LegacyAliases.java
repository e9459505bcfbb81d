package io.inspectr.app.config;

import java.util.List;
import java.util.Map;

/**
 * Environment variables of the original inspectr and other names that do not follow the rule of
 * {@link ConfigSources}, mapped to their keys. Existing deployments keep working unchanged.
 *
 * <p>The original tool's Slack webhook also received the links to the JIRA issues it created or
 * commented. Its variables set only the Slack notifier's webhook: the JIRA notifier's links follow
 * the Slack notifier's whole webhook configuration ({@link Notifiers}), base URL included, so that
 * the webhook id never goes to another host than Slack's own messages.
 */
final class LegacyAliases {
  private static final Map<String, List<String>> ALIASES =
      Map.ofEntries(
          Map.entry("INSPECTR_SLACK_WEBHOOK_ID", List.of("inspectr.notify.slack.webhook-id")),
          Map.entry("INSPECTR_SLACK_WEBHOOK_URL", List.of("inspectr.notify.slack.webhook-url")),
          Map.entry("INSPECTR_JIRA_URL", List.of("inspectr.notify.jira.url")),
          Map.entry("INSPECTR_JIRA_PARAMS", List.of("inspectr.notify.jira.params")),
          Map.entry(
              "INSPECTR_INSECURE_REGISTRIES", List.of("inspectr.registry.insecure-registries")),
          Map.entry(
              "INSPECTR_NAMESPACES_INCLUDE", List.of("inspectr.kubernetes.namespaces-include")),
          Map.entry(
              "INSPECTR_NAMESPACES_EXCLUDE", List.of("inspectr.kubernetes.namespaces-exclude")),
          Map.entry("INSPECTR_CLUSTER_NAME", List.of("inspectr.kubernetes.cluster-name")));

  private LegacyAliases() {}

  /**
   * The keys an aliased variable sets.
   *
   * @param environmentName e.g. {@code INSPECTR_SLACK_WEBHOOK_ID}
   * @return the keys, empty when the name is not an alias
   */
  static List<String> keysFor(String environmentName) {
    return ALIASES.getOrDefault(environmentName, List.of());
  }
}
