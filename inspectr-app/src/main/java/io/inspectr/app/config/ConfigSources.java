package io.inspectr.app.config;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.PluginConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * All configuration as full dotted keys ({@code inspectr.notify.slack.webhook-url}), merged from an
 * optional YAML file and the environment; the environment wins. Plugins get views of it ({@link
 * #view}).
 *
 * <p>Environment variables map onto keys by a fixed rule, plus the {@linkplain LegacyAliases
 * variables of the original tool}:
 *
 * <ul>
 *   <li>{@code INSPECTR_NOTIFY_<ID>_<KEY>} and {@code INSPECTR_STATE_<ID>_<KEY>}: {@code
 *       inspectr.notify.<id>.<key>}, where {@code <ID>} is a known provider id;
 *   <li>{@code INSPECTR_REGISTRY_<ID>_<KEY>}: {@code inspectr.registry.<id>.<key>} for a known
 *       registry provider id, otherwise {@code INSPECTR_REGISTRY_<KEY>}: {@code
 *       inspectr.registry.<key>};
 *   <li>{@code INSPECTR_KUBERNETES_<KEY>}: {@code inspectr.kubernetes.<key>};
 *   <li>any other {@code INSPECTR_<KEY>}: {@code inspectr.<key>}.
 * </ul>
 *
 * <p>In {@code <KEY>}, letters are lowercased, {@code __} becomes {@code .} and {@code _} becomes
 * {@code -}: {@code INSPECTR_NOTIFY_WEBHOOK_HEADERS__X_TEAM} is {@code
 * inspectr.notify.webhook.headers.x-team}.
 *
 * <p>Immutable. Its string form lists keys, never values, which may be secrets.
 */
public final class ConfigSources {
  /** The prefix of every key. */
  public static final String ROOT = "inspectr";

  private static final String ENV_PREFIX = "INSPECTR_";

  private final Map<String, String> values;

  private ConfigSources(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /**
   * Merges a file's keys with the environment's.
   *
   * @param fileValues full dotted keys from a configuration file, e.g. {@link YamlConfigFile}
   * @param environment the process environment
   * @param providerIds the ids of known plugins, by section ({@code notify}, {@code registry},
   *     {@code state}), to split {@code INSPECTR_NOTIFY_<ID>_<KEY>} correctly
   * @return the merged configuration
   */
  public static ConfigSources of(
      Map<String, String> fileValues,
      Map<String, String> environment,
      Map<String, ? extends Collection<String>> providerIds) {
    Map<String, String> merged = new LinkedHashMap<>(fileValues);
    merged.putAll(fromEnvironment(environment, providerIds));
    return new ConfigSources(merged);
  }

  /**
   * The keys the environment sets, by the rule in the class comment.
   *
   * @param environment the process environment
   * @param providerIds known plugin ids by section
   * @return full dotted keys to values
   */
  static Map<String, String> fromEnvironment(
      Map<String, String> environment, Map<String, ? extends Collection<String>> providerIds) {
    Map<String, String> out = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (!name.startsWith(ENV_PREFIX) || value == null) {
            return;
          }
          String key = LegacyAliases.keyFor(name);
          out.put(key != null ? key : keyFor(name, providerIds), value);
        });
    return out;
  }

  private static String keyFor(String name, Map<String, ? extends Collection<String>> providerIds) {
    String rest = name.substring(ENV_PREFIX.length());
    for (String section : List.of("NOTIFY", "STATE", "REGISTRY")) {
      if (rest.startsWith(section + "_")) {
        String sectionKey = section.toLowerCase(Locale.ROOT);
        String afterSection = rest.substring(section.length() + 1);
        Collection<String> ids =
            providerIds.containsKey(sectionKey) ? providerIds.get(sectionKey) : List.of();
        String id = longestIdPrefix(afterSection, ids);
        if (id != null) {
          String key = afterSection.substring(id.length() + 1);
          return ROOT + "." + sectionKey + "." + id + "." + toKey(key);
        }
        return ROOT + "." + sectionKey + "." + toKey(afterSection);
      }
    }
    if (rest.startsWith("KUBERNETES_")) {
      return ROOT + ".kubernetes." + toKey(rest.substring("KUBERNETES_".length()));
    }
    return ROOT + "." + toKey(rest);
  }

  private static String longestIdPrefix(String text, Collection<String> ids) {
    String best = null;
    for (String id : ids) {
      String envId = id.toUpperCase(Locale.ROOT).replace('-', '_');
      if (text.startsWith(envId + "_") && (best == null || id.length() > best.length())) {
        best = id;
      }
    }
    return best;
  }

  /**
   * {@code WEBHOOK_URL} to {@code webhook-url}; {@code HEADERS__X_TEAM} to {@code headers.x-team}.
   */
  static String toKey(String envPart) {
    return envPart.toLowerCase(Locale.ROOT).replace("__", ".").replace('_', '-');
  }

  /**
   * The keys under a prefix, as a plugin's configuration.
   *
   * @param prefix e.g. {@code inspectr.notify.slack}
   * @return a view with keys relative to the prefix
   */
  public PluginConfig view(String prefix) {
    requireNonNull(prefix, "prefix");
    String start = prefix + ".";
    Map<String, String> relative = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(start)) {
            relative.put(key.substring(start.length()), value);
          }
        });
    return PluginConfig.of(prefix, relative);
  }

  /**
   * Every key that is set.
   *
   * @return full dotted keys, sorted
   */
  public java.util.Set<String> keys() {
    return values.keySet();
  }

  /** Keys only: values may be secrets. */
  @Override
  public String toString() {
    return "ConfigSources" + values.keySet();
  }
}
