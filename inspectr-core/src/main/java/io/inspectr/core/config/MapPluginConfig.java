package io.inspectr.core.config;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A {@link PluginConfig} over an immutable map. Its string form lists keys, never values. */
record MapPluginConfig(String prefix, Map<String, String> values) implements PluginConfig {

  @Override
  public @Nullable String get(String key) {
    return values.get(key);
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }

  /** Keys only: values may be secrets. */
  @Override
  public String toString() {
    return "PluginConfig[" + prefix + ", keys=" + new java.util.TreeSet<>(values.keySet()) + "]";
  }
}
