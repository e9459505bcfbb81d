package io.inspectr.core.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link PluginConfig} and collects every problem instead of stopping at the first, then
 * fails once with all of them ({@link #validate()}). Accessors return a usable default after a
 * problem so that reading can go on.
 *
 * <pre>{@code
 * ConfigReader read = new ConfigReader(config);
 * URI url = read.url("webhook-url", true);
 * Duration timeout = read.duration("timeout", Duration.ofSeconds(10));
 * read.validate(); // throws InvalidConfigurationException listing every problem
 * }</pre>
 *
 * <p>Not thread-safe; use one per validation.
 *
 * @since 0.1
 */
public final class ConfigReader {
  private final PluginConfig config;
  private final List<ConfigProblem> problems = new ArrayList<>();

  /**
   * Starts reading.
   *
   * @param config never {@code null}
   */
  public ConfigReader(PluginConfig config) {
    this.config = requireNonNull(config, "config");
  }

  /**
   * The configuration being read.
   *
   * @return never {@code null}
   */
  public PluginConfig config() {
    return config;
  }

  /**
   * A string that must be set.
   *
   * @param key relative key
   * @param what what it is, for the message, e.g. "the JIRA project key"
   * @return the value, or {@code ""} after recording a problem
   */
  public String required(String key, String what) {
    Optional<String> value = config.find(key);
    if (value.isEmpty()) {
      problem(key, null, "it must be set to " + what);
      return "";
    }
    return value.get();
  }

  /**
   * A string that may be set.
   *
   * @param key relative key
   * @return never {@code null}
   */
  public Optional<String> optional(String key) {
    return config.find(key);
  }

  /**
   * A secret that may be set; its value never appears in problems.
   *
   * @param key relative key
   * @return never {@code null}
   */
  public Optional<Secret> secret(String key) {
    return config.find(key).map(Secret::of);
  }

  /**
   * A secret that must be set.
   *
   * @param key relative key
   * @param what what it is, for the message
   * @return the secret, empty after recording a problem
   */
  public Secret requiredSecret(String key, String what) {
    Optional<Secret> value = secret(key);
    if (value.isEmpty()) {
      problem(key, null, "it must be set to " + what);
      return Secret.of("");
    }
    return value.get();
  }

  /**
   * A boolean: {@code true}, {@code false}, {@code yes}, {@code no}, {@code 1}, {@code 0}.
   *
   * @param key relative key
   * @param defaultValue when not set or invalid
   * @return the value
   */
  public boolean bool(String key, boolean defaultValue) {
    return parsed(
        key,
        defaultValue,
        "it must be true or false",
        v -> {
          switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "1":
              return true;
            case "false":
            case "no":
            case "0":
              return false;
            default:
              throw new IllegalArgumentException(v);
          }
        });
  }

  /**
   * An integer within bounds.
   *
   * @param key relative key
   * @param defaultValue when not set or invalid
   * @param min smallest allowed
   * @param max largest allowed
   * @return the value
   */
  public int integer(String key, int defaultValue, int min, int max) {
    return parsed(
        key,
        defaultValue,
        "it must be a whole number from " + min + " to " + max,
        v -> {
          int n = Integer.parseInt(v);
          if (n < min || n > max) {
            throw new IllegalArgumentException(v);
          }
          return n;
        });
  }

  /**
   * A duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, or ISO-8601 such as
   * {@code PT1H}.
   *
   * @param key relative key
   * @param defaultValue when not set or invalid
   * @return the value, never negative
   */
  public Duration duration(String key, Duration defaultValue) {
    return parsed(
        key,
        defaultValue,
        "it must be a duration such as 500ms, 30s, 5m, 1h or PT1H",
        ConfigReader::parseDuration);
  }

  /**
   * An absolute http or https URL.
   *
   * @param key relative key
   * @param required whether it must be set
   * @return the URL, or empty when not set or invalid
   */
  public Optional<URI> url(String key, boolean required) {
    Optional<String> value = config.find(key);
    if (value.isEmpty()) {
      if (required) {
        problem(key, null, "it must be set to an http or https URL");
      }
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new URISyntaxException(value.get(), "not an absolute http(s) URL");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      problem(key, value.get(), "it must be an absolute http or https URL");
      return Optional.empty();
    }
  }

  /**
   * One of a fixed set of words, in any case.
   *
   * @param key relative key
   * @param defaultValue when not set or invalid
   * @param allowed the words allowed, lowercase
   * @return the value, lowercase
   */
  public String oneOf(String key, String defaultValue, String... allowed) {
    List<String> words = Arrays.asList(allowed);
    return parsed(
        key,
        defaultValue,
        "it must be one of " + String.join(", ", words),
        v -> {
          String lower = v.toLowerCase(Locale.ROOT);
          if (!words.contains(lower)) {
            throw new IllegalArgumentException(v);
          }
          return lower;
        });
  }

  /**
   * A comma-separated list, blanks dropped.
   *
   * @param key relative key
   * @return never {@code null}; empty when not set
   */
  public List<String> list(String key) {
    return config
        .find(key)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()))
        .map(s -> s.toList())
        .orElse(List.of());
  }

  /**
   * A value parsed by a function; a failure of the function is recorded as a problem.
   *
   * @param key relative key
   * @param defaultValue when not set or invalid
   * @param requirement what the value must be, e.g. "it must be a valid regular expression"
   * @param parser turns the text into the value; throws {@link RuntimeException} when invalid
   * @param <T> the value type
   * @return the value
   */
  public <T> T parsed(String key, T defaultValue, String requirement, Function<String, T> parser) {
    Optional<String> value = config.find(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return parser.apply(value.get());
    } catch (RuntimeException e) {
      problem(key, value.get(), requirement);
      return defaultValue;
    }
  }

  /**
   * Records a problem found by the caller.
   *
   * @param key relative key
   * @param shownValue the value as it may be shown, or {@code null} when missing; mask secrets
   * @param requirement what it must be, e.g. "it must name an existing field"
   */
  public void problem(String key, @Nullable String shownValue, String requirement) {
    problems.add(new ConfigProblem(config.fullKey(key), shownValue, requirement));
  }

  /**
   * The problems found so far.
   *
   * @return a copy, never {@code null}
   */
  public List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Fails with every problem found, if any.
   *
   * @throws InvalidConfigurationException when a problem was found
   */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
  }

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601.
   *
   * @param text never {@code null}
   * @return the duration, never negative
   * @throws IllegalArgumentException when not a duration
   */
  public static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("d")) {
        d = Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        throw new IllegalArgumentException("Not a duration: \"" + text + "\"");
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("Not a duration: \"" + text + "\"", e);
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("A duration must not be negative: \"" + text + "\"");
    }
    return d;
  }
}
