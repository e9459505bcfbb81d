package io.inspectr.app.config;

import io.inspectr.core.config.ConfigProblem;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the notifier providers on the class path and creates the notifiers the configuration asks
 * for, reporting every configuration problem of every notifier at once.
 *
 * <p>The JIRA notifier posts its issue links to Slack, as the original tool did. Unless JIRA names
 * a webhook of its own ({@code slack-webhook-id} or {@code slack-webhook-url}), its link webhook is
 * the Slack notifier's: {@code webhook-url} or {@code webhook-id}, with the Slack notifier's {@code
 * webhook-base-url} (also when JIRA names only an id), so the links go exactly where Slack's own
 * messages go and the webhook id to no other host.
 */
public final class Notifiers {
  /** The configuration section of notifiers: keys {@code inspectr.notify.<id>.*}. */
  public static final String SECTION = ConfigSources.ROOT + ".notify";

  private static final String JIRA = "jira";
  private static final String SLACK = "slack";

  private static final Logger LOG = LoggerFactory.getLogger(Notifiers.class);

  private Notifiers() {}

  /**
   * The providers found with {@link ServiceLoader}, by id.
   *
   * @param loader the class loader to search
   * @return providers sorted by id
   * @throws InvalidConfigurationException when two providers share an id
   */
  public static Map<String, NotifierProvider> providers(ClassLoader loader) {
    Map<String, NotifierProvider> byId = new TreeMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (NotifierProvider provider : ServiceLoader.load(NotifierProvider.class, loader)) {
      NotifierProvider other = byId.putIfAbsent(provider.id(), provider);
      if (other != null) {
        problems.add(
            new ConfigProblem(
                SECTION + "." + provider.id(),
                other.getClass().getName() + ", " + provider.getClass().getName(),
                "two notifier providers have this id; remove one of their jars"));
      } else {
        LOG.debug(
            "Found notifier {} ({}, {})",
            provider.id(),
            provider.getClass().getName(),
            provider.getClass().getProtectionDomain().getCodeSource());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    return byId;
  }

  /**
   * Creates every notifier whose configuration asks for it.
   *
   * @param providers the providers by id
   * @param config the whole configuration
   * @return the notifiers by id; the caller closes them
   * @throws InvalidConfigurationException listing every problem of every configured notifier; none
   *     is left open then
   */
  public static Map<String, Notifier> createConfigured(
      Map<String, NotifierProvider> providers, ConfigSources config) {
    Map<String, Notifier> created = new LinkedHashMap<>();
    Map<String, List<ConfigProblem>> problems = new TreeMap<>();
    try {
      providers.forEach(
          (id, provider) -> {
            PluginConfig view = view(config, id);
            if (provider.isConfigured(view)) {
              try {
                created.put(id, provider.create(view));
              } catch (InvalidConfigurationException e) {
                problems.put(id, new ArrayList<>(e.problems()));
              }
            }
          });
    } catch (RuntimeException e) {
      created.values().forEach(Notifier::close);
      throw e;
    }
    if (problems.containsKey(SLACK) && problems.containsKey(JIRA)) {
      // The Slack notifier reports a bad webhook once; JIRA's copy of it would say it again.
      Set<String> copied = copiedLinkKeys(config);
      problems.get(JIRA).removeIf(p -> copied.contains(p.key()));
    }
    List<ConfigProblem> all = problems.values().stream().flatMap(List::stream).toList();
    if (!all.isEmpty()) {
      created.values().forEach(Notifier::close);
      throw new InvalidConfigurationException(all);
    }
    return created;
  }

  /**
   * The configuration of one notifier: its keys, and for JIRA the Slack notifier's webhook as the
   * default of its link webhook (see the class comment).
   *
   * @param config the whole configuration
   * @param id the notifier id
   * @return the keys under {@code inspectr.notify.<id>}
   */
  public static PluginConfig view(ConfigSources config, String id) {
    PluginConfig own = config.view(SECTION + "." + id);
    if (!id.equals(JIRA)) {
      return own;
    }
    Map<String, String> values = new TreeMap<>();
    own.keys().forEach(key -> values.put(key, own.get(key)));
    linkDefaults(config).forEach(values::putIfAbsent);
    return PluginConfig.of(own.prefix(), values);
  }

  /** The keys JIRA's link webhook takes from the Slack notifier, relative to JIRA's prefix. */
  private static Map<String, String> linkDefaults(ConfigSources config) {
    PluginConfig jira = config.view(SECTION + "." + JIRA);
    PluginConfig slack = config.view(SECTION + "." + SLACK);
    Map<String, String> defaults = new TreeMap<>();
    boolean ownWebhook =
        jira.find("slack-webhook-id").isPresent() || jira.find("slack-webhook-url").isPresent();
    if (!ownWebhook) {
      // The whole URL when both are set: Slack reports that conflict itself.
      slack
          .find("webhook-url")
          .ifPresentOrElse(
              url -> defaults.put("slack-webhook-url", url),
              () -> slack.find("webhook-id").ifPresent(i -> defaults.put("slack-webhook-id", i)));
    }
    slack.find("webhook-base-url").ifPresent(b -> defaults.put("slack-webhook-base-url", b));
    return defaults;
  }

  private static Set<String> copiedLinkKeys(ConfigSources config) {
    PluginConfig jira = config.view(SECTION + "." + JIRA);
    Set<String> copied = new HashSet<>();
    linkDefaults(config).keySet().stream()
        .filter(key -> jira.find(key).isEmpty())
        .forEach(key -> copied.add(jira.fullKey(key)));
    return copied;
  }
}
