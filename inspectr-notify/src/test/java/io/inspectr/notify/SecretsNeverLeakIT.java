package io.inspectr.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import io.inspectr.notify.jira.JiraNotifierProvider;
import io.inspectr.notify.slack.SlackNotifierProvider;
import io.inspectr.notify.testing.CapturedLogs;
import io.inspectr.notify.testing.FakeHttpServer;
import io.inspectr.notify.testing.FakeJira;
import io.inspectr.notify.testing.FakeResponse;
import io.inspectr.notify.testing.FakeSlack;
import io.inspectr.notify.testing.Reports;
import io.inspectr.notify.webhook.WebhookNotifierProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every notifier, through its provider as the app does, with real-looking secrets down every
 * path (success, rejected, refused, unreachable, misconfigured) while capturing every log line at
 * every level of every logger, every exception with its causes and stack, every outcome and every
 * string form; none may contain a secret in any form.
 */
class SecretsNeverLeakIT {
  static final String SLACK_ID = "T024BE7LD/B08J1N2H5QM/Xq7hW2pLk9sVnB4mR3tYc8Ze";
  static final String GOOD_SLACK_ID = FakeSlack.PATH.substring("/services/".length());
  static final String USER = "svc-inspectr";
  static final String PASSWORD = "hunter2-Very$ecret!";
  static final String EMAIL = "bot@acme.example";
  static final String API_TOKEN = "ATATT3xFfGF0T4b9mXn2kL0pQ7rS8vW1yZ3aB5cD6eF7gH8iJ9kL";
  static final String PAT = "NjA4NzY1NDMyMTIzOk2vX8pQ9rT3uW5yZ7aC1eG4iK6mO8";
  static final String WEBHOOK_TOKEN = "wh_9f8e7d6c5b4a3210fedcba";
  static final String HMAC = "hmac-k3y-5up3r-s3cr3t";
  static final String HEADER_TOKEN = "hdrTok-9Zx8Yw7Vu6Ts5";

  private final List<String> seen = new ArrayList<>();

  @Test
  void noSecretAppearsInLogsExceptionsOutcomesOrStringForms() throws Exception {
    try (CapturedLogs logs = new CapturedLogs()) {
      slack();
      jira();
      webhook();
      configurationProblems();
      seen.addAll(logs.texts());
      assertThat(logs.texts()).as("the notifiers logged their failures").hasSizeGreaterThan(10);
    }

    List<String> forms = new ArrayList<>();
    for (String secret :
        List.of(
            SLACK_ID, GOOD_SLACK_ID, PASSWORD, API_TOKEN, PAT, WEBHOOK_TOKEN, HMAC, HEADER_TOKEN)) {
      forms.add(secret);
      forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }
    forms.add(basic(USER, PASSWORD));
    forms.add(basic(EMAIL, API_TOKEN));
    for (String text : seen) {
      for (String secret : forms) {
        assertThat(text).as("what inspectr showed").doesNotContain(secret);
      }
    }
  }

  private void slack() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Map<String, String> good =
          Map.of(
              "webhook-id",
              GOOD_SLACK_ID,
              "webhook-base-url",
              slack.servicesBase(),
              "max-retry-after",
              "1s",
              "min-interval",
              "10ms");
      slack.enqueue(
          FakeResponse.of(200, "ok"),
          FakeResponse.of(400, "invalid_payload"),
          new FakeResponse(429, "rate_limited", Map.of("Retry-After", "30")));
      run(new SlackNotifierProvider(), "slack", good, Reports.full(Reports.many(300), List.of()));
      slack.enqueue(FakeResponse.of(500, "rollup_error"));
      run(new SlackNotifierProvider(), "slack", good, Reports.test());
      run(new SlackNotifierProvider(), "slack", good, Reports.newFindings(finding()));
      run(
          new SlackNotifierProvider(),
          "slack",
          Map.of("webhook-id", SLACK_ID, "webhook-base-url", slack.servicesBase()),
          Reports.newFindings(finding()));
      run(
          new SlackNotifierProvider(),
          "slack",
          Map.of("webhook-url", closedPortUrl() + "/services/" + SLACK_ID),
          Reports.test());
    }
  }

  private void jira() throws Exception {
    try (FakeSlack slack = new FakeSlack();
        FakeJira server = new FakeJira(false, basic(USER, PASSWORD));
        FakeJira dc = new FakeJira(false, "Bearer " + PAT);
        FakeJira cloud = new FakeJira(true, basic(EMAIL, API_TOKEN))) {
      Map<String, String> links =
          Map.of("slack-webhook-id", GOOD_SLACK_ID, "slack-webhook-base-url", slack.servicesBase());
      Map<String, String> params =
          with(
              links,
              "url",
              server.url(),
              "params",
              USER + "|" + PASSWORD + "|OPS|Task|Team:Platform");
      run(new JiraNotifierProvider(), "jira", params, Reports.newFindings(finding()));
      run(
          new JiraNotifierProvider(),
          "jira",
          params,
          Reports.newFindings(
              Reports.outdated(
                  "prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4", "2.0.0")));
      run(
          new JiraNotifierProvider(),
          "jira",
          with(params, "params", USER + "|wrong-" + PASSWORD + "|OPS|Task|Team:Platform"),
          Reports.newFindings(finding()));
      run(
          new JiraNotifierProvider(),
          "jira",
          with(params, "fields", "Team:Nobody,Sprint:1"),
          Reports.test());
      run(
          new JiraNotifierProvider(),
          "jira",
          Map.of("url", dc.url(), "pat", PAT, "project", "OPS", "fields", "Team:Payments"),
          Reports.newFindings(finding()));
      run(
          new JiraNotifierProvider(),
          "jira",
          Map.of(
              "url",
              cloud.url(),
              "email",
              EMAIL,
              "api-token",
              API_TOKEN,
              "project",
              "OPS",
              "fields",
              "Team:Payments"),
          Reports.newFindings(finding()));
      run(
          new JiraNotifierProvider(),
          "jira",
          Map.of(
              "url",
              cloud.url(),
              "email",
              EMAIL,
              "api-token",
              "x" + API_TOKEN,
              "project",
              "OPS",
              "flavour",
              "cloud"),
          Reports.test());
      run(
          new JiraNotifierProvider(),
          "jira",
          Map.of("url", closedPortUrl(), "user", USER, "password", PASSWORD, "project", "OPS"),
          Reports.test());
    }
  }

  private void webhook() throws Exception {
    List<FakeResponse> answers = new ArrayList<>(List.of(FakeResponse.of(200, "")));
    // A careless receiver that echoes what it got in its error answer.
    try (FakeHttpServer server =
        new FakeHttpServer(
            r ->
                answers.isEmpty()
                    ? FakeResponse.of(
                        400,
                        "bad request "
                            + r.path()
                            + "?"
                            + r.query()
                            + " auth="
                            + r.header("Authorization"))
                    : answers.remove(0))) {
      Map<String, String> config =
          Map.of(
              "url", server.baseUrl() + "/in/" + WEBHOOK_TOKEN + "?token=" + WEBHOOK_TOKEN,
              "secret", HMAC,
              "headers.Authorization", "Bearer " + HEADER_TOKEN);
      run(new WebhookNotifierProvider(), "webhook", config, Reports.newFindings(finding()));
      run(new WebhookNotifierProvider(), "webhook", config, Reports.newFindings(finding()));
      run(new WebhookNotifierProvider(), "webhook", config, Reports.test());
      run(
          new WebhookNotifierProvider(),
          "webhook",
          with(config, "url", closedPortUrl() + "/in?token=" + WEBHOOK_TOKEN),
          Reports.test());
    }
  }

  private void configurationProblems() {
    run(
        new SlackNotifierProvider(),
        "slack",
        Map.of("webhook-url", "hooks.slack.com/services/" + SLACK_ID),
        Reports.test());
    run(
        new SlackNotifierProvider(),
        "slack",
        Map.of(
            "webhook-id", SLACK_ID, "webhook-url", "https://hooks.slack.com/services/" + SLACK_ID),
        Reports.test());
    run(
        new JiraNotifierProvider(),
        "jira",
        Map.of("url", "https://jira.example.com", "params", USER + "|" + PASSWORD + "|OPS"),
        Reports.test());
    run(
        new JiraNotifierProvider(),
        "jira",
        Map.of(
            "url", "https://jira.example.com", "params", USER + "|" + PASSWORD + "|OPS|Task|Team"),
        Reports.test());
    run(
        new JiraNotifierProvider(),
        "jira",
        Map.of(
            "url",
            "x",
            "pat",
            PAT,
            "password",
            PASSWORD,
            "api-token",
            API_TOKEN,
            "flavour",
            "cloud"),
        Reports.test());
    run(
        new WebhookNotifierProvider(),
        "webhook",
        Map.of("url", "ftp://x/" + WEBHOOK_TOKEN, "headers.Content-Type", HEADER_TOKEN),
        Reports.test());
  }

  /** Creates and runs a notifier, recording everything it shows. */
  private void run(
      NotifierProvider provider, String id, Map<String, String> values, Report report) {
    PluginConfig config = PluginConfig.of("inspectr.notify." + id, values);
    seen.add(config.toString());
    try (Notifier notifier = provider.create(config)) {
      seen.add(notifier.toString());
      DeliveryReport answer = notifier.deliver(report);
      for (DeliveryOutcome outcome : answer.outcomes().values()) {
        seen.add(outcome.toString());
      }
    } catch (Exception e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(trace.toString());
    }
  }

  private static InspectrResult finding() {
    return Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4");
  }

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> out = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static String closedPortUrl() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
