package io.inspectr.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import io.inspectr.notify.jira.JiraNotifierConfig;
import io.inspectr.notify.testing.FakeJira;
import io.inspectr.notify.testing.FakeSlack;
import io.inspectr.notify.testing.Reports;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JIRA notifier's links go to exactly the Slack notifier's webhook when they come from the
 * Slack settings, whatever base URL Slack's webhook id is appended to (GovSlack, a test fake).
 */
class NotifiersIT {
  private static final String PASSWORD = "Pa55w0rd!Secret";
  private static final String SLACK_ID = FakeSlack.PATH.substring("/services/".length());

  private final FakeSlack slack = new FakeSlack();
  private final FakeJira jira = new FakeJira(false, FakeJira.basic("bot", PASSWORD));
  private final Map<String, NotifierProvider> providers =
      Notifiers.providers(NotifiersIT.class.getClassLoader());

  @AfterEach
  void stop() {
    slack.close();
    jira.close();
  }

  private ConfigSources config(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("INSPECTR_JIRA_URL", jira.url());
    env.put("INSPECTR_JIRA_PARAMS", "bot|" + PASSWORD + "|OPS|Task|Team:Platform");
    return ConfigSources.of(Map.of(), env, Map.of("notify", providers.keySet()));
  }

  @Test
  void jiraLinksGoToTheHostOfTheSlackNotifiersWebhookBaseUrl() throws Exception {
    ConfigSources config =
        config(
            Map.of(
                "INSPECTR_SLACK_WEBHOOK_ID",
                SLACK_ID,
                "INSPECTR_NOTIFY_SLACK_WEBHOOK_BASE_URL",
                slack.servicesBase()));

    Map<String, Notifier> notifiers = Notifiers.createConfigured(providers, config);
    DeliveryReport report;
    try {
      report =
          notifiers
              .get("jira")
              .deliver(
                  Reports.newFindings(
                      Reports.outdated(
                          "prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.26.0")));
    } finally {
      notifiers.values().forEach(Notifier::close);
    }

    assertThat(report.allDelivered()).isTrue();
    // Before, the id also went to JIRA's own base URL, https://hooks.slack.com/services/.
    assertThat(slack.accepted())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.path("text").asText())
                    .isEqualTo("just created " + jira.url() + "/browse/OPS-1"));
  }

  @Test
  void aGovSlackBaseUrlAlsoServesAnIdGivenToJiraAloneAndJirasOwnUrlWins() {
    String gov = "https://hooks.slack-gov.com/services/";
    assertThat(
            linkWebhook(
                config(
                    Map.of(
                        "INSPECTR_SLACK_WEBHOOK_ID",
                        "T1/B2/xyz",
                        "INSPECTR_NOTIFY_SLACK_WEBHOOK_BASE_URL",
                        gov))))
        .isEqualTo(gov + "T1/B2/xyz");
    assertThat(
            linkWebhook(
                config(
                    Map.of(
                        "INSPECTR_NOTIFY_JIRA_SLACK_WEBHOOK_ID",
                        "T9/B9/own",
                        "INSPECTR_NOTIFY_SLACK_WEBHOOK_BASE_URL",
                        gov))))
        .isEqualTo(gov + "T9/B9/own");
    assertThat(
            linkWebhook(
                config(
                    Map.of(
                        "INSPECTR_SLACK_WEBHOOK_ID", "T1/B2/xyz",
                        "INSPECTR_NOTIFY_JIRA_SLACK_WEBHOOK_URL", "https://chat.example/hooks/j"))))
        .isEqualTo("https://chat.example/hooks/j");
  }

  @Test
  void aBadSlackWebhookIsReportedOnceNotAgainForJira() {
    ConfigSources config = config(Map.of("INSPECTR_SLACK_WEBHOOK_ID", "https://x.example/T1"));

    assertThatThrownBy(() -> Notifiers.createConfigured(providers, config))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> assertThat(p.key()).isEqualTo("inspectr.notify.slack.webhook-id")));
  }

  private static String linkWebhook(ConfigSources config) {
    return JiraNotifierConfig.from(Notifiers.view(config, "jira")).slackWebhookUrl().reveal();
  }
}
