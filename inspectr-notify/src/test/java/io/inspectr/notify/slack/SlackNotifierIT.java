package io.inspectr.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.notify.testing.FakeResponse;
import io.inspectr.notify.testing.FakeSlack;
import io.inspectr.notify.testing.Reports;
import io.inspectr.notify.testing.TestClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackNotifierIT {
  private static final Pattern SERVICE = Pattern.compile("Deployment/(service-\\d+)");

  private final FakeSlack slack = new FakeSlack();
  private final TestClock clock = TestClock.standard();

  @AfterEach
  void stop() {
    slack.close();
  }

  private SlackNotifier notifier(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.putIfAbsent("webhook-url", slack.url());
    return new SlackNotifier(
        SlackNotifierConfig.from(PluginConfig.of("inspectr.notify.slack", values)),
        clock,
        clock.sleeper());
  }

  @Test
  void deliversFiveHundredFindingsInValidMessagesAboutOneASecondEachFindingOnce() throws Exception {
    List<InspectrResult> results = Reports.many(500);

    DeliveryReport report;
    try (SlackNotifier notifier = notifier(Map.of())) {
      report = notifier.deliver(Reports.full(results, List.of()));
    }

    assertThat(slack.violations()).isEmpty();
    List<JsonNode> messages = slack.accepted();
    assertThat(messages).hasSizeGreaterThan(2);
    assertThat(report.allDelivered()).isTrue();
    assertThat(report.outcomes()).hasSize(500);
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode message : messages) {
      assertThat(message.path("text").asText()).startsWith("Image report · prod-eu (");
      for (JsonNode block : message.path("blocks")) {
        Matcher m = SERVICE.matcher(block.path("text").path("text").asText());
        while (m.find()) {
          seen.merge(m.group(1), 1, Integer::sum);
        }
      }
    }
    assertThat(seen).hasSize(500).allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
    // One wait of about a second between two messages, none before the first.
    assertThat(clock.sleeps())
        .hasSize(messages.size() - 1)
        .allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void aDeliveryStopsAtItsTimeBudgetAndOffersTheRestAgain() throws Exception {
    DeliveryReport report;
    try (SlackNotifier notifier = notifier(Map.of("max-delivery-time", "2s"))) {
      report = notifier.deliver(Reports.full(Reports.many(500), List.of()));
    }

    // Messages go out a second apart on the test clock: at 0 s, 1 s and 2 s; then time is up.
    assertThat(slack.accepted()).hasSize(3);
    Map<DeliveryOutcome.Status, Long> counts = Reports.countByStatus(report);
    assertThat(counts.get(DeliveryOutcome.Status.DELIVERED)).isPositive();
    assertThat(counts.get(DeliveryOutcome.Status.RETRYABLE_FAILURE)).isPositive();
    assertThat(counts).doesNotContainKey(DeliveryOutcome.Status.PERMANENT_FAILURE);
    assertThat(report.outcomes().values())
        .filteredOn(o -> !o.isDelivered())
        .allSatisfy(o -> assertThat(o.detail()).contains("max-delivery-time of 2 s"));
  }

  @Test
  void waitsWhatRetryAfterAsksThenDelivers() throws Exception {
    slack.enqueue(new FakeResponse(429, "rate_limited", Map.of("Retry-After", "7")));
    InspectrResult finding =
        Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4");

    DeliveryReport report;
    try (SlackNotifier notifier = notifier(Map.of())) {
      report = notifier.deliver(Reports.newFindings(finding));
    }

    assertThat(report.outcomes().get(finding.key()).isDelivered()).isTrue();
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(slack.requests()).hasSize(2);
    assertThat(slack.accepted()).hasSize(1);
  }

  @Test
  void retryAfterBeyondTheCapLeavesTheFindingForALaterCycle() throws Exception {
    slack.enqueue(new FakeResponse(429, "rate_limited", Map.of("Retry-After", "600")));
    InspectrResult finding =
        Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4");

    try (SlackNotifier notifier = notifier(Map.of("max-retry-after", "30s"))) {
      assertThatThrownBy(() -> notifier.deliver(Reports.newFindings(finding)))
          .isInstanceOfSatisfying(
              NotificationException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageContaining("HTTP 429")
          .hasMessageContaining("600 s");
    }
    assertThat(clock.sleeps()).isEmpty();
    assertThat(slack.requests()).hasSize(1);
  }

  @Test
  void revokedWebhookIsAPermanentFailureThatSaysWhatToDo() throws Exception {
    slack.enqueue(FakeResponse.of(404, "no_service"));
    InspectrResult finding =
        Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4");

    try (SlackNotifier notifier = notifier(Map.of())) {
      assertThatThrownBy(() -> notifier.deliver(Reports.newFindings(finding)))
          .isInstanceOfSatisfying(
              NotificationException.class,
              e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.notifierId()).isEqualTo("slack");
              })
          .hasMessageStartingWith(
              "slack: Tried to post message 1 of 1 (the Slack webhook at http://127.0.0.1:")
          .hasMessageContaining("HTTP 404 no_service")
          .hasMessageContaining("create a new incoming webhook")
          .hasMessageNotContaining("s3cr3tWebhookT0ken");
    }
    assertThat(slack.requests()).hasSize(1);
  }

  @Test
  void aRejectedMessageIsPermanentForItsFindingsOnlyAndTheOthersGetThrough() throws Exception {
    List<InspectrResult> results = Reports.many(500);
    try (SlackNotifier notifier = notifier(Map.of())) {
      // Let the first message through, then reject the second as Slack would a bad payload.
      slack.enqueue(FakeResponse.of(200, "ok"), FakeResponse.of(400, "invalid_payload"));
      DeliveryReport report = notifier.deliver(Reports.full(results, List.of()));

      Map<DeliveryOutcome.Status, Long> counts = Reports.countByStatus(report);
      assertThat(counts.get(DeliveryOutcome.Status.PERMANENT_FAILURE)).isPositive();
      assertThat(counts.get(DeliveryOutcome.Status.DELIVERED)).isPositive();
      assertThat(counts).doesNotContainKey(DeliveryOutcome.Status.RETRYABLE_FAILURE);
      assertThat(report.outcomes().values())
          .filteredOn(o -> !o.isDelivered())
          .allSatisfy(
              o ->
                  assertThat(o.detail())
                      .contains("invalid_payload", "report this as an inspectr bug"));
    }
  }

  @Test
  void serverErrorOnTheFirstMessageIsRetryableAndStopsTheRest() throws Exception {
    slack.enqueue(FakeResponse.of(500, "rollup_error"));
    try (SlackNotifier notifier = notifier(Map.of())) {
      assertThatThrownBy(() -> notifier.deliver(Reports.full(Reports.many(500), List.of())))
          .isInstanceOfSatisfying(
              NotificationException.class, e -> assertThat(e.isRetryable()).isTrue());
    }
    assertThat(slack.requests()).hasSize(1);
  }

  @Test
  void testMessageGoesToTheWebhookGivenByIdLikeTheOriginalTool() throws Exception {
    String id = FakeSlack.PATH.substring("/services/".length());
    try (SlackNotifier notifier =
        notifier(
            Map.of(
                "webhook-id", id, "webhook-base-url", slack.servicesBase(), "webhook-url", ""))) {
      DeliveryReport report = notifier.deliver(Reports.test());
      assertThat(report.outcomes()).isEmpty();
    }
    assertThat(slack.accepted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.path("text").asText())
                  .startsWith("inspectr test message sent 2026-11-26 10:00:00 UTC");
              assertThat(m.path("username").asText()).isEqualTo("inspectr");
            });
  }

  @Test
  void nothingNewMeansNoMessage() throws Exception {
    try (SlackNotifier notifier = notifier(Map.of())) {
      DeliveryReport report =
          notifier.deliver(
              Reports.newFindings(Reports.upToDate("prod", "db", "pg", "pg", "postgres:16.1")));
      assertThat(report.allDelivered()).isTrue();
    }
    assertThat(slack.requests()).isEmpty();
  }

  @Test
  void anInterruptedDeliveryIsNeverReportedAsSent() throws Exception {
    slack.enqueue(new FakeResponse(429, "rate_limited", Map.of("Retry-After", "1")));
    SlackNotifierConfig config =
        SlackNotifierConfig.from(
            PluginConfig.of("inspectr.notify.slack", Map.of("webhook-url", slack.url())));
    try (SlackNotifier notifier =
        new SlackNotifier(
            config,
            clock,
            d -> {
              throw new InterruptedException("shutting down");
            })) {
      assertThatThrownBy(() -> notifier.deliver(Reports.test()))
          .isInstanceOfSatisfying(
              NotificationException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageContaining("interrupted before anything was delivered");
      assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }
    assertThat(slack.accepted()).isEmpty();
  }
}
