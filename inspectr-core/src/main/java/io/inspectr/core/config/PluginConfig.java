package io.inspectr.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one plugin: a key/value view under a prefix such as {@code
 * inspectr.notify.slack}, filled from YAML or {@code INSPECTR_*} variables by the runner. Keys are
 * relative to the prefix ({@code webhook-url}); the prefix is for messages.
 *
 * <p>Read it with a {@link ConfigReader}, which collects every problem before failing. Tests make
 * one from a map: {@code PluginConfig.of("inspectr.notify.slack", Map.of("webhook-url", url))}.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface PluginConfig {

  /**
   * The prefix of every key, e.g. {@code inspectr.notify.slack}.
   *
   * @return never {@code null}
   */
  String prefix();

  /**
   * The value of a key.
   *
   * @param key relative to the prefix, e.g. {@code webhook-url}
   * @return the value, or {@code null} when not set
   */
  @Nullable String get(String key);

  /**
   * Every key that is set, relative to the prefix.
   *
   * @return never {@code null}
   */
  Set<String> keys();

  /**
   * The value of a key when it is set and not blank.
   *
   * @param key relative to the prefix
   * @return never {@code null}
   */
  default Optional<String> find(String key) {
    String value = get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * The full name of a key, for messages.
   *
   * @param key relative to the prefix
   * @return {@code prefix.key}
   */
  default String fullKey(String key) {
    return prefix().isEmpty() ? key : prefix() + "." + key;
  }

  /**
   * The keys under {@code key.}, as a view with the longer prefix: {@code sub("headers")} of {@code
   * headers.X-Team=a} holds {@code X-Team=a}.
   *
   * @param key relative to the prefix
   * @return never {@code null}
   */
  default PluginConfig sub(String key) {
    String start = key + ".";
    Map<String, String> values = new TreeMap<>();
    for (String k : keys()) {
      String v = get(k);
      if (k.startsWith(start) && v != null) {
        values.put(k.substring(start.length()), v);
      }
    }
    return of(fullKey(key), values);
  }

  /**
   * A configuration backed by a map.
   *
   * @param prefix the prefix, e.g. {@code inspectr.notify.slack}
   * @param values relative keys to values; copied
   * @return never {@code null}
   */
  static PluginConfig of(String prefix, Map<String, String> values) {
    return new MapPluginConfig(requireNonNull(prefix, "prefix"), Map.copyOf(values));
  }

  /**
   * An empty configuration.
   *
   * @param prefix the prefix
   * @return never {@code null}
   */
  static PluginConfig empty(String prefix) {
    return of(prefix, Map.of());
  }
}
