package io.inspectr.notify.slack;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.config.Secret;
import io.inspectr.notify.HttpOptions;
import io.inspectr.notify.internal.SecretUrls;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Slack notifier's configuration, read from the keys under {@code inspectr.notify.slack}: the
 * webhook as {@code webhook-id} (the original tool's {@code INSPECTR_SLACK_WEBHOOK_ID}, appended to
 * {@code webhook-base-url}) or as a whole {@code webhook-url} (any compatible endpoint, such as
 * Mattermost), and how to post. Every key is described in {@code docs/notifiers.md}.
 *
 * @param webhookUrl the whole webhook URL; a secret
 * @param username the sender name sent along, or {@code null} to send none
 * @param minInterval the least time between two messages
 * @param reportUpToDate whether a full report without findings still posts "all up to date"
 * @param http timeouts and rate-limit patience
 * @since 0.1
 */
public record SlackNotifierConfig(
    Secret webhookUrl,
    @Nullable String username,
    Duration minInterval,
    boolean reportUpToDate,
    HttpOptions http) {

  /** Where a {@code webhook-id} is appended by default, as the original tool did. */
  public static final String DEFAULT_WEBHOOK_BASE_URL = "https://hooks.slack.com/services/";

  /** Default of {@code username}, the name the original tool posted as. */
  public static final String DEFAULT_USERNAME = "inspectr";

  /** Default of {@code min-interval}: Slack allows about one message a second per webhook. */
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(1);

  private static final String NO_USER_INFO =
      "an incoming webhook is authorised by its URL alone and needs none";

  /** Checks the parts. */
  public SlackNotifierConfig {
    requireNonNull(webhookUrl, "webhookUrl");
    requireNonNull(minInterval, "minInterval");
    requireNonNull(http, "http");
  }

  /**
   * Whether a configuration names a webhook at all.
   *
   * @param config the keys under {@code inspectr.notify.slack}
   * @return {@code true} when {@code webhook-id} or {@code webhook-url} is set
   */
  public static boolean isConfigured(PluginConfig config) {
    return config.find("webhook-id").isPresent() || config.find("webhook-url").isPresent();
  }

  /**
   * Reads the configuration, reporting every problem at once.
   *
   * @param config the keys under {@code inspectr.notify.slack}
   * @return never {@code null}
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  public static SlackNotifierConfig from(PluginConfig config) {
    ConfigReader read = new ConfigReader(config);
    Optional<Secret> url = webhook(read, "webhook-id", "webhook-url", "webhook-base-url");
    String username = read.optional("username").orElse(DEFAULT_USERNAME);
    Duration minInterval = read.duration("min-interval", DEFAULT_MIN_INTERVAL);
    boolean upToDate = read.bool("report-up-to-date", true);
    HttpOptions http = HttpOptions.read(read);
    read.validate();
    return new SlackNotifierConfig(
        url.orElseThrow(), username.equals("-") ? null : username, minInterval, upToDate, http);
  }

  /**
   * Reads a webhook given either as an id (appended to a base URL) or as a whole URL, recording a
   * problem when neither or both are set. Shared with the JIRA notifier's links to Slack.
   *
   * @param read the reader
   * @param idKey the key of the id, e.g. {@code webhook-id}
   * @param urlKey the key of the whole URL
   * @param baseKey the key of the base URL the id is appended to
   * @return the whole URL, or empty after a problem
   */
  public static Optional<Secret> webhook(
      ConfigReader read, String idKey, String urlKey, String baseKey) {
    Optional<String> id = read.optional(idKey);
    Optional<Secret> url = SecretUrls.read(read, urlKey, NO_USER_INFO);
    String base = read.optional(baseKey).orElse(DEFAULT_WEBHOOK_BASE_URL);
    if (SecretUrls.hasUserInfo(base)) {
      read.problem(
          baseKey,
          SecretUrls.maskUserInfo(base),
          "it must not hold a user name or password (user:password@ before the host); "
              + NO_USER_INFO);
      base = DEFAULT_WEBHOOK_BASE_URL;
    } else if (!SecretUrls.isHttpUrl(base)) {
      read.problem(baseKey, base, "it must be an absolute http or https URL");
    }
    if (id.isPresent() && read.config().find(urlKey).isPresent()) {
      read.problem(idKey, Secret.MASK, "set either " + idKey + " or " + urlKey + ", not both");
      return Optional.empty();
    }
    if (id.isPresent()) {
      String value = id.get();
      if (value.contains("://") || !value.matches("[A-Za-z0-9_/-]+")) {
        read.problem(
            idKey,
            Secret.MASK,
            "it must be the part after "
                + base
                + " (such as T000/B000/XXXX); set "
                + urlKey
                + " for a whole URL");
        return Optional.empty();
      }
      String joined =
          (base.endsWith("/") ? base : base + "/")
              + (value.startsWith("/") ? value.substring(1) : value);
      return Optional.of(Secret.of(joined));
    }
    if (url.isEmpty() && read.config().find(urlKey).isEmpty()) {
      read.problem(
          urlKey, null, "it must be set to the webhook URL (or set " + idKey + " instead)");
    }
    return url;
  }
}
