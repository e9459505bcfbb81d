package io.inspectr.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.notify.testing.FakeHttpServer;
import io.inspectr.notify.testing.FakeResponse;
import io.inspectr.notify.testing.RecordedRequest;
import io.inspectr.notify.testing.Reports;
import io.inspectr.notify.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Deque<FakeResponse> answers = new ArrayDeque<>();
  private final FakeHttpServer server =
      new FakeHttpServer(r -> answers.isEmpty() ? FakeResponse.of(202, "") : answers.poll());
  private final TestClock clock = TestClock.standard();

  @AfterEach
  void stop() {
    server.close();
  }

  private WebhookNotifier notifier(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>();
    values.put("url", server.baseUrl() + "/hooks/inspectr?token=wh-t0k3n-abc");
    values.putAll(extra);
    return new WebhookNotifier(
        WebhookNotifierConfig.from(PluginConfig.of("inspectr.notify.webhook", values)),
        clock,
        clock.sleeper(),
        () -> "d-1");
  }

  @Test
  void postsTheDocumentedSchemaSignedWithHmacAndTheConfiguredHeaders() throws Exception {
    InspectrResult nginx =
        Reports.outdated(
            "prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4", "1.26.0", "2.0.0");
    InspectrResult fine = Reports.upToDate("prod", "db", "pg", "pg", "postgres:16.1");

    DeliveryReport report;
    try (WebhookNotifier notifier =
        notifier(
            Map.of(
                "secret",
                "hm4c-key",
                "headers.X-Team",
                "platform",
                "headers.Authorization",
                "Bearer abc123"))) {
      report =
          notifier.deliver(
              Reports.full(
                  List.of(nginx, fine), List.of(new ScanFailure("quay.io/x/y", "HTTP 401"))));
    }

    assertThat(report.allDelivered()).isTrue();
    assertThat(report.outcomes()).containsKeys(nginx.key(), fine.key());
    RecordedRequest request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hooks/inspectr");
    assertThat(request.query()).isEqualTo("token=wh-t0k3n-abc");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.header("X-Team")).isEqualTo("platform");
    assertThat(request.header("Authorization")).isEqualTo("Bearer abc123");
    assertThat(request.header("X-Inspectr-Delivery")).isEqualTo("d-1");
    assertThat(request.header("X-Inspectr-Event")).isEqualTo("full");
    assertThat(request.header("User-Agent")).startsWith("inspectr/");
    // Computed here as a receiver would, not with the notifier's own helper.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("hm4c-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal(request.body().getBytes(StandardCharsets.UTF_8));
    assertThat(request.header("X-Inspectr-Signature-256"))
        .isEqualTo("sha256=" + HexFormat.of().formatHex(expected))
        .matches("sha256=[0-9a-f]{64}");

    JsonNode body = JSON.readTree(request.body());
    assertThat(body.path("schema").asText()).isEqualTo("inspectr.report.v1");
    assertThat(body.path("kind").asText()).isEqualTo("full");
    assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(body.path("deliveryId").asText()).isEqualTo("d-1");
    assertThat(body.path("summary").toString())
        .isEqualTo(
            "{\"results\":2,\"findings\":1,\"upToDate\":1,\"failures\":1,\"clusters\":[\"prod\"]}");
    assertThat(body.path("failures").toString())
        .isEqualTo("[{\"subject\":\"quay.io/x/y\",\"reason\":\"HTTP 401\"}]");
    JsonNode finding = body.path("findings").get(0);
    assertThat(body.path("findings")).hasSize(1);
    assertThat(finding.path("key").asText()).isEqualTo(nginx.key().asString());
    assertThat(finding.path("workloadKind").asText()).isEqualTo("Deployment");
    assertThat(finding.path("workloadName").asText()).isEqualTo("frontend");
    assertThat(finding.path("image").asText()).isEqualTo("docker.io/library/nginx:1.25.3");
    assertThat(finding.path("repository").asText()).isEqualTo("docker.io/library/nginx");
    assertThat(finding.path("tag").asText()).isEqualTo("1.25.3");
    assertThat(finding.path("upgrades").toString()).isEqualTo("[\"1.25.4\",\"1.26.0\",\"2.0.0\"]");
    assertThat(finding.path("newest").asText()).isEqualTo("2.0.0");
    assertThat(finding.path("newestPatch").asText()).isEqualTo("1.25.4");
    assertThat(finding.path("newestMinor").asText()).isEqualTo("1.26.0");
    assertThat(finding.path("newestMajor").asText()).isEqualTo("2.0.0");
    assertThat(finding.path("behind").asInt()).isEqualTo(3);
    assertThat(finding.path("pods").asInt()).isEqualTo(2);
    assertThat(finding.path("rebuilt").asBoolean()).isFalse();
    assertThat(finding.has("runningDigest")).isFalse();
  }

  @Test
  void withoutASecretThereIsNoSignature() throws Exception {
    try (WebhookNotifier notifier = notifier(Map.of())) {
      notifier.deliver(Reports.test());
    }
    assertThat(server.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.header("X-Inspectr-Signature-256")).isNull();
              assertThat(r.header("X-Inspectr-Event")).isEqualTo("test");
            });
  }

  @Test
  void rateLimitIsWaitedOutThenDelivered() throws Exception {
    answers.add(new FakeResponse(429, "slow down", Map.of("Retry-After", "3")));
    try (WebhookNotifier notifier = notifier(Map.of())) {
      DeliveryReport report =
          notifier.deliver(
              Reports.newFindings(
                  Reports.outdated("prod", "web", "f", "nginx", "nginx:1.25.3", "1.25.4")));
      assertThat(report.allDelivered()).isTrue();
    }
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aRejectedBodyIsPermanentPerFindingAndAnOutageIsRetryable() throws Exception {
    InspectrResult finding =
        Reports.outdated("prod", "web", "f", "nginx", "nginx:1.25.3", "1.25.4");
    answers.add(FakeResponse.of(422, "{\"error\":\"unknown field\"}"));
    answers.add(FakeResponse.of(503, "maintenance"));
    try (WebhookNotifier notifier = notifier(Map.of())) {
      DeliveryOutcome rejected =
          notifier.deliver(Reports.newFindings(finding)).outcomes().get(finding.key());
      assertThat(rejected.status()).isEqualTo(DeliveryOutcome.Status.PERMANENT_FAILURE);
      assertThat(rejected.detail())
          .contains("HTTP 422 {\"error\":\"unknown field\"}")
          .doesNotContain("wh-t0k3n-abc");

      assertThatThrownBy(() -> notifier.deliver(Reports.newFindings(finding)))
          .isInstanceOfSatisfying(
              NotificationException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageContaining("HTTP 503 maintenance");
    }
  }

  @Test
  void nothingNewIsNotSent() throws Exception {
    try (WebhookNotifier notifier = notifier(Map.of())) {
      assertThat(notifier.deliver(Reports.newFindings()).outcomes()).isEmpty();
    }
    assertThat(server.requests()).isEmpty();
  }
}
