package io.inspectr.notify.jira;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.config.Secret;
import io.inspectr.notify.HttpOptions;
import io.inspectr.notify.internal.SecretUrls;
import io.inspectr.notify.slack.SlackNotifierConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JIRA notifier's configuration, read from the keys under {@code inspectr.notify.jira}: either
 * the original tool's {@code params} ({@code user|password|project|issueType|Field Name:value,...})
 * or separate keys ({@code user} or {@code email}, {@code password}, {@code api-token} or {@code
 * pat}, {@code project}, {@code issue-type}, {@code fields}); separate keys win over the parts of
 * {@code params}. Every key is described in {@code docs/notifiers.md}.
 *
 * @param url the JIRA base URL, without {@code /rest}
 * @param browseUrl the base of issue links ({@code <browseUrl>/browse/OPS-1}); {@code url} unless
 *     JIRA is reached through another address (such as {@code api.atlassian.com} with a scoped
 *     token)
 * @param credentials how to sign in
 * @param project the project key
 * @param issueType the issue type's name or id
 * @param fields extra fields for new issues: UI name (or id) to value, in order
 * @param flavour Server/Data Center, Cloud, or detect
 * @param labels labels put on every issue besides the one derived from the result key
 * @param legacySearch whether issues of the original tool are looked for by their summary
 * @param legacyCluster the cluster name the original tool wrote into summaries, when it differs
 *     from the cluster name now (it wrote {@code UNK} outside GCE), or {@code null}
 * @param slackWebhookUrl where to post "just created ..." links, or {@code null} for nowhere
 * @param http timeouts and rate-limit patience
 * @since 0.1
 */
public record JiraNotifierConfig(
    URI url,
    URI browseUrl,
    JiraCredentials credentials,
    String project,
    String issueType,
    Map<String, String> fields,
    JiraFlavour flavour,
    List<String> labels,
    boolean legacySearch,
    @Nullable String legacyCluster,
    @Nullable Secret slackWebhookUrl,
    HttpOptions http) {

  /** Default of {@code issue-type}. */
  public static final String DEFAULT_ISSUE_TYPE = "Task";

  private static final String SIGN_IN_INSTEAD =
      "set user and password (or email and api-token, or pat) instead";

  /** UI names and ids of the fields inspectr fills itself, lowercase. */
  private static final Set<String> OWN_FIELD_NAMES =
      Set.of("summary", "description", "project", "issuetype", "issue type");

  /** Default of {@code labels}. */
  public static final List<String> DEFAULT_LABELS = List.of("inspectr");

  /** Checks and copies the parts. */
  public JiraNotifierConfig {
    requireNonNull(url, "url");
    requireNonNull(browseUrl, "browseUrl");
    requireNonNull(credentials, "credentials");
    requireNonNull(project, "project");
    requireNonNull(issueType, "issueType");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    requireNonNull(flavour, "flavour");
    labels = List.copyOf(labels);
    requireNonNull(http, "http");
  }

  /**
   * Whether a configuration asks for JIRA at all.
   *
   * @param config the keys under {@code inspectr.notify.jira}
   * @return {@code true} when {@code url} or {@code params} is set
   */
  public static boolean isConfigured(PluginConfig config) {
    return config.find("url").isPresent() || config.find("params").isPresent();
  }

  /**
   * Reads the configuration, reporting every problem at once.
   *
   * @param config the keys under {@code inspectr.notify.jira}
   * @return never {@code null}
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  public static JiraNotifierConfig from(PluginConfig config) {
    ConfigReader read = new ConfigReader(config);
    Optional<URI> url = SecretUrls.url(read, "url", true, SIGN_IN_INSTEAD);
    Optional<URI> browse = SecretUrls.url(read, "browse-url", false, SIGN_IN_INSTEAD);
    Optional<JiraParams> params = JiraParams.read(read, "params");
    // A broken params already has its problem; do not also report what it would have given.
    boolean paramsBroken = params.isEmpty() && read.optional("params").isPresent();
    JiraFlavour flavour =
        read.parsed(
            "flavour",
            JiraFlavour.AUTO,
            "it must be auto, server, datacenter or cloud",
            JiraFlavour::parse);
    JiraCredentials credentials = credentials(read, params.orElse(null), flavour, paramsBroken);
    String project = read.optional("project").or(() -> params.map(JiraParams::project)).orElse("");
    if (project.isEmpty()) {
      if (!paramsBroken) {
        read.problem("project", null, "it must be set to the JIRA project key (or give params)");
      }
    } else if (!project.matches("[A-Za-z][A-Za-z0-9_]*")) {
      read.problem("project", project, "it must be a project key such as OPS");
    }
    String issueType =
        read.optional("issue-type")
            .or(() -> params.map(JiraParams::issueType))
            .orElse(DEFAULT_ISSUE_TYPE);
    Map<String, String> fields =
        read.optional("fields")
            .map(text -> JiraParams.fields(read, "fields", text))
            .or(() -> params.map(JiraParams::fields))
            .orElse(Map.of());
    rejectOwnFields(read, read.optional("fields").isPresent() ? "fields" : "params", fields);
    List<String> labels =
        read.optional("labels").isPresent() ? read.list("labels") : DEFAULT_LABELS;
    for (String label : labels) {
      if (label.chars().anyMatch(Character::isWhitespace)) {
        read.problem("labels", String.join(",", labels), "JIRA labels must not contain spaces");
      }
    }
    boolean legacySearch = read.bool("legacy-summary-search", true);
    String legacyCluster = read.optional("legacy-cluster").orElse(null);
    Secret slack = slackWebhook(read);
    HttpOptions http = HttpOptions.read(read);
    read.validate();
    return new JiraNotifierConfig(
        url.orElseThrow(),
        browse.orElse(url.orElseThrow()),
        credentials,
        project,
        issueType,
        fields,
        flavour,
        labels,
        legacySearch,
        legacyCluster,
        slack,
        http);
  }

  /**
   * Records a problem for every configured field that inspectr fills itself: a configured summary,
   * description, project or issue type would replace inspectr's. (Labels join inspectr's own.)
   */
  private static void rejectOwnFields(ConfigReader read, String key, Map<String, String> fields) {
    for (String name : fields.keySet()) {
      if (OWN_FIELD_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
        read.problem(
            key,
            key.equals("params") ? Secret.MASK : read.optional(key).orElse(""),
            "its field '"
                + name
                + "' is filled by inspectr itself (summary, description, project and issue type"
                + " cannot be configured); remove it");
      }
    }
  }

  /**
   * The credentials: the separate keys {@code user} / {@code email}, {@code password} / {@code
   * api-token} / {@code pat} win over the user and password parts of {@code params}; only separate
   * keys can conflict with each other.
   */
  private static JiraCredentials credentials(
      ConfigReader read, @Nullable JiraParams params, JiraFlavour flavour, boolean paramsBroken) {
    Optional<String> user = read.optional("user");
    Optional<String> email = read.optional("email");
    Optional<Secret> password = read.secret("password");
    Optional<Secret> apiToken = read.secret("api-token");
    Optional<Secret> pat = read.secret("pat");
    int secrets =
        (password.isPresent() ? 1 : 0) + (apiToken.isPresent() ? 1 : 0) + (pat.isPresent() ? 1 : 0);
    if (secrets > 1) {
      read.problem(
          "pat",
          Secret.MASK,
          "set only one of password, api-token and pat (found " + secrets + ")");
    }
    if (user.isPresent() && email.isPresent()) {
      read.problem(
          "email", email.get(), "set either user (Server/Data Center) or email (Cloud), not both");
    }
    if (pat.isPresent()) {
      if (flavour == JiraFlavour.CLOUD) {
        read.problem(
            "pat",
            Secret.MASK,
            "Jira Cloud does not accept personal access tokens; set email and api-token instead");
      }
      return JiraCredentials.bearer(pat.get());
    }
    Optional<JiraParams> legacy = Optional.ofNullable(params);
    Optional<String> who = user.or(() -> email).or(() -> legacy.map(JiraParams::user));
    Optional<Secret> secret =
        password.or(() -> apiToken).or(() -> legacy.map(JiraParams::password));
    if (paramsBroken) {
      return JiraCredentials.basic(who.orElse(""), secret.orElse(Secret.of("")));
    }
    if (secret.isEmpty()) {
      read.problem(
          "api-token",
          null,
          "a secret is needed: api-token with email (Cloud), pat (Data Center) or password with"
              + " user (or give params)");
    } else if (who.isEmpty()) {
      read.problem(
          "user",
          null,
          "it (or email for Cloud) must be set to sign in with a password or API token");
    }
    return JiraCredentials.basic(who.orElse(""), secret.orElse(Secret.of("")));
  }

  private static @Nullable Secret slackWebhook(ConfigReader read) {
    boolean post = read.bool("post-links-to-slack", true);
    boolean hasWebhook =
        read.optional("slack-webhook-id").isPresent()
            || read.optional("slack-webhook-url").isPresent();
    if (!hasWebhook) {
      return null;
    }
    Optional<Secret> url =
        SlackNotifierConfig.webhook(
            read, "slack-webhook-id", "slack-webhook-url", "slack-webhook-base-url");
    return post ? url.orElse(null) : null;
  }
}
