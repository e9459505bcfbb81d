package io.inspectr.core.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a configuration: which key, the value (masked when secret), and what it must
 * be instead.
 *
 * @param key the full key, e.g. {@code inspectr.notify.slack.webhook-url}
 * @param shownValue the value as it may be shown ({@link Secret#MASK} for secrets), or {@code null}
 *     when the key is missing
 * @param problem what it must be, e.g. "must be an https URL"
 * @since 0.1
 */
public record ConfigProblem(String key, @Nullable String shownValue, String problem) {
  /** Checks the parts. */
  public ConfigProblem {
    requireNonNull(key, "key");
    requireNonNull(problem, "problem");
  }

  /** {@code key was 'value' but it must ...}, or {@code key is missing: it must ...}. */
  @Override
  public String toString() {
    return shownValue == null
        ? key + " is missing but " + problem
        : key + " was '" + shownValue + "' but " + problem;
  }
}
