package io.inspectr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.notify.testing.FakeHttpServer;
import io.inspectr.notify.testing.FakeJira;
import io.inspectr.notify.testing.FakeResponse;
import io.inspectr.notify.testing.FakeSlack;
import io.inspectr.notify.thirdparty.PagerNotifierProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspectr notify-test} against the notifiers' HTTP fakes, configured the way users do: the
 * original tool's variables, the new ones and a YAML file, plus a third-party notifier found on the
 * class path.
 */
class NotifyTestCommandIT {
  private static final String PASSWORD = "Pa55w0rd!Secret";
  private static final String SLACK_ID = FakeSlack.PATH.substring("/services/".length());

  private final FakeSlack slack = new FakeSlack();
  private final FakeJira jira = new FakeJira(false, FakeJira.basic("bot", PASSWORD));
  private final FakeHttpServer webhook = new FakeHttpServer(r -> FakeResponse.of(204, ""));

  @TempDir Path dir;

  @AfterEach
  void stop() {
    slack.close();
    jira.close();
    webhook.close();
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        InspectrCommand.execute(args, new PrintWriter(out), new PrintWriter(err), environment);
    return new Run(code, out.toString(), err.toString());
  }

  private Map<String, String> everything() {
    Map<String, String> env = new HashMap<>();
    env.put("INSPECTR_SLACK_WEBHOOK_ID", SLACK_ID);
    env.put("INSPECTR_NOTIFY_SLACK_WEBHOOK_BASE_URL", slack.servicesBase());
    env.put("INSPECTR_JIRA_URL", jira.url());
    env.put("INSPECTR_JIRA_PARAMS", "bot|" + PASSWORD + "|OPS|Task|Team:Platform");
    env.put("INSPECTR_NOTIFY_WEBHOOK_URL", webhook.baseUrl() + "/in?token=t0k");
    env.put("INSPECTR_NOTIFY_LOG_ENABLED", "true");
    env.put("INSPECTR_NOTIFY_ACME_PAGER_ON_CALL", "dana");
    return env;
  }

  @Test
  void sendsOneTestMessageThroughEveryConfiguredNotifierAndExitsZeroWhenAllSucceeded() {
    Run run = run(everything(), "notify-test");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            String.format(
                "acme-pager   ok%njira         ok%nlog          ok%nslack        ok%nwebhook      ok%n"
                    + "5 of 5 notifiers succeeded.%n"));
    assertThat(slack.accepted())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.path("text").asText())
                    .matches(
                        "inspectr test message sent \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: .*"));
    assertThat(jira.issues()).as("a test creates no issue").isEmpty();
    assertThat(jira.count("GET", "/myself")).isEqualTo(1);
    assertThat(webhook.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("X-Inspectr-Event")).isEqualTo("test"));
    assertThat(PagerNotifierProvider.PAGES).isEmpty();
  }

  @Test
  void saysWhichFailedAndExitsThreeWithoutShowingSecrets() {
    Map<String, String> env = everything();
    env.put("INSPECTR_JIRA_PARAMS", "bot|wrong-" + PASSWORD + "|OPS|Task|Team:Platform");
    slack.enqueue(FakeResponse.of(404, "no_service"));

    Run run = run(env, "notify-test");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains(
            "jira         failed: Tried to sign in (JIRA at "
                + jira.url()
                + ") but failed because: HTTP 401")
        .contains("HTTP 401")
        .contains("slack        failed: Tried to post a test message (the Slack webhook at")
        .contains("create a new incoming webhook")
        .contains("webhook      ok")
        .endsWith(String.format("3 of 5 notifiers succeeded.%n"));
    assertThat(run.out() + run.err())
        .doesNotContain(PASSWORD)
        .doesNotContain(SLACK_ID)
        .doesNotContain("t0k");
  }

  @Test
  void aNotifierThatThrowsIsReportedAsFailedWithoutItsSecretAndTheOthersAreStillTested() {
    Map<String, String> env = everything();
    env.put("INSPECTR_NOTIFY_ACME_PAGER_TOKEN_TO_CRASH_WITH", "pgr-s3cr3t-t0ken");
    int closedBefore = PagerNotifierProvider.CLOSED.get();

    Run run = run(env, "notify-test");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .isEqualTo(
            String.format(
                "acme-pager   failed: unexpected IllegalStateException: the pager API refused the"
                    + " token ****%njira         ok%nlog          ok%nslack        ok%n"
                    + "webhook      ok%n4 of 5 notifiers succeeded.%n"));
    assertThat(run.out() + run.err()).doesNotContain("pgr-s3cr3t-t0ken");
    assertThat(PagerNotifierProvider.CLOSED.get()).isEqualTo(closedBefore + 1);
  }

  @Test
  void badConfigurationListsEveryProblemExitsTwoAndSendsNothing() {
    Map<String, String> env = everything();
    env.put("INSPECTR_JIRA_PARAMS", "bot|" + PASSWORD + "|OPS");
    env.put("INSPECTR_NOTIFY_WEBHOOK_URL", "ftp://hooks.example/in?token=t0k");
    env.put("INSPECTR_NOTIFY_SLACK_MIN_INTERVAL", "soon");

    Run run = run(env, "notify-test");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("inspectr notify-test: Invalid configuration, 3 problems:")
        .contains("inspectr.notify.jira.params was '****' but it must have 4 or 5 parts")
        .contains("inspectr.notify.slack.min-interval was 'soon'")
        .contains(
            "inspectr.notify.webhook.url was '****' but it must be an absolute http or https URL")
        .doesNotContain(PASSWORD)
        .doesNotContain("t0k");
    assertThat(slack.requests()).isEmpty();
    assertThat(jira.requests()).isEmpty();
    assertThat(webhook.requests()).isEmpty();
  }

  @Test
  void readsAYamlFileAndSaysWhatToSetWhenNothingIsConfigured() throws Exception {
    Path file = dir.resolve("inspectr.yaml");
    Files.writeString(
        file, "inspectr:\n  notify:\n    slack:\n      webhook-url: " + slack.url() + "\n");

    Run configured = run(Map.of(), "notify-test", "--config", file.toString());
    Run nothing = run(Map.of("INSPECTR_SCHEDULE", "1000"), "notify-test");

    assertThat(configured.exitCode()).as(configured.err()).isZero();
    assertThat(configured.out())
        .isEqualTo(String.format("slack        ok%n1 of 1 notifiers succeeded.%n"));
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err())
        .contains("no notifier is configured (found acme-pager, jira, log, slack, webhook)")
        .contains("INSPECTR_SLACK_WEBHOOK_URL");
  }
}
