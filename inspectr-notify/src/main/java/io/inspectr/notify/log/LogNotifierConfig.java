package io.inspectr.notify.log;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The log notifier's configuration, read from the keys under {@code inspectr.notify.log}: {@code
 * enabled}, the {@code logger} name and the {@code level}, which the logging configuration must
 * write for that logger. Every key is described in {@code docs/notifiers.md}.
 *
 * @param logger the SLF4J logger name the lines go to
 * @param level {@code info}, {@code warn} or {@code debug}
 * @since 0.1
 */
public record LogNotifierConfig(String logger, String level) {

  /** Default of {@code logger}. */
  public static final String DEFAULT_LOGGER = "inspectr.findings";

  /** Default of {@code level}. */
  public static final String DEFAULT_LEVEL = "info";

  /** Checks the parts. */
  public LogNotifierConfig {
    requireNonNull(logger, "logger");
    requireNonNull(level, "level");
  }

  /**
   * Whether a configuration switches the log notifier on.
   *
   * @param config the keys under {@code inspectr.notify.log}
   * @return {@code true} when {@code enabled} is true
   */
  public static boolean isConfigured(PluginConfig config) {
    return config
        .find("enabled")
        .map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"))
        .orElse(false);
  }

  /**
   * Reads the configuration, reporting every problem at once.
   *
   * @param config the keys under {@code inspectr.notify.log}
   * @return never {@code null}
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  public static LogNotifierConfig from(PluginConfig config) {
    ConfigReader read = new ConfigReader(config);
    read.bool("enabled", false);
    String logger = read.optional("logger").orElse(DEFAULT_LOGGER);
    String level = read.oneOf("level", DEFAULT_LEVEL, "info", "warn", "debug");
    if (!isEnabled(logger, level)) {
      read.problem(
          "level",
          level,
          "the logging configuration drops "
              + level.toUpperCase(Locale.ROOT)
              + " lines of the logger "
              + logger
              + "; choose a level that logger writes, or lower its level in the logging"
              + " configuration");
    }
    read.validate();
    return new LogNotifierConfig(logger, level);
  }

  /**
   * The SLF4J level of a configured level.
   *
   * @param level {@code info}, {@code warn} or {@code debug}
   * @return the level
   */
  static Level slf4jLevel(String level) {
    return Level.valueOf(level.toUpperCase(Locale.ROOT));
  }

  /**
   * Whether the logging configuration writes lines of a logger at a level, now.
   *
   * @param logger the logger name
   * @param level {@code info}, {@code warn} or {@code debug}
   * @return {@code true} when they are written
   */
  static boolean isEnabled(String logger, String level) {
    return LoggerFactory.getLogger(logger).isEnabledForLevel(slf4jLevel(level));
  }
}
