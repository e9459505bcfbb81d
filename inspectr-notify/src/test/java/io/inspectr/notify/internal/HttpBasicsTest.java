package io.inspectr.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.Secret;
import io.inspectr.core.spi.DeliveryOutcome.Status;
import io.inspectr.notify.testing.TestClock;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpBasicsTest {
  private static final HttpCall CALL =
      HttpCall.postJson(
          Secret.of("https://hooks.example.com/services/T1/B2/s3cr3t"),
          Map.of(),
          "{}",
          "post message 1 of 2");

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");

    assertThat(RetryAfter.parse("30", now)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 10:01:00 GMT", now))
        .contains(Duration.ofSeconds(60));
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("-1", now)).isEmpty();
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse(null, now)).isEmpty();
  }

  @Test
  void statusesMapToOutcomesInOnePlace() {
    assertThat(judge(200).status()).isEqualTo(Status.DELIVERED);
    for (int code : new int[] {429, 408, 500, 503}) {
      assertThat(judge(code))
          .as("%s", code)
          .satisfies(
              v -> {
                assertThat(v.status()).isEqualTo(Status.RETRYABLE_FAILURE);
                assertThat(v.receiverWide()).isTrue();
              });
    }
    for (int code : new int[] {301, 401, 403, 404, 410}) {
      assertThat(judge(code))
          .as("%s", code)
          .satisfies(
              v -> {
                assertThat(v.status()).isEqualTo(Status.PERMANENT_FAILURE);
                assertThat(v.receiverWide()).isTrue();
              });
    }
    assertThat(judge(400))
        .satisfies(
            v -> {
              assertThat(v.status()).isEqualTo(Status.PERMANENT_FAILURE);
              assertThat(v.receiverWide()).isFalse();
            });
    assertThat(judge(404).reason())
        .isEqualTo(
            "Tried to post message 1 of 2 (the receiver at https://hooks.example.com) but failed"
                + " because: HTTP 404 gone, perhaps you should check the URL");
  }

  @Test
  void noAnswerIsRetryableAndNamesTheHostOnly() {
    HttpVerdict v =
        HttpVerdict.unreachable(
            CALL,
            new IOException(
                "wrapped",
                new ConnectException(
                    "Connect to https://hooks.example.com/services/T1/B2/s3cr3t refused")),
            "the receiver",
            Redactor.of(CALL.uri()));

    assertThat(v.isRetryable()).isTrue();
    assertThat(v.reason())
        .contains("IOException: wrapped, caused by ConnectException: Connect to **** refused")
        .endsWith(
            "perhaps you should check that https://hooks.example.com is reachable from here (DNS, proxy, firewall)")
        .doesNotContain("s3cr3t");
    assertThat(CALL.toString()).isEqualTo("POST https://hooks.example.com (post message 1 of 2)");
  }

  @Test
  void redactorMasksSecretsTheirUrlEncodingAndTheSecretPartOfAUrl() {
    Redactor redactor = Redactor.of(Secret.of("https://x.example/hook/a b+c"), Secret.of("pw"));

    assertThat(
            redactor.scrub("at https://x.example/hook/a b+c and /hook/a%20b%2Bc or /hook/a+b%2Bc"))
        .isEqualTo("at **** and **** or ****");
    assertThat(redactor.scrub("short pw stays"))
        .as("too short to search for")
        .isEqualTo("short pw stays");
  }

  @Test
  void pacerSpacesRequestsByCountingWaitsNotSpendingThem() throws Exception {
    TestClock clock = TestClock.standard();
    Pacer pacer = new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1));

    pacer.awaitTurn();
    pacer.awaitTurn();
    clock.advance(Duration.ofMillis(400));
    pacer.awaitTurn();
    clock.advance(Duration.ofSeconds(5));
    pacer.awaitTurn();

    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(600));
  }

  @Test
  void aRequestAfterTheNotifierWasClosedIsRetryableInsteadOfAnException() throws Exception {
    ThrottledHttp http = throttled();
    http.close();

    HttpVerdict verdict = http.send(LOCAL).verdict();

    assertThat(verdict.isRetryable()).isTrue();
    assertThat(verdict.receiverWide()).isTrue();
    assertThat(verdict.reason())
        .startsWith("Tried to post message 1 of 1 (the receiver at http://127.0.0.1:9)")
        .contains("the notifier was closed while it was delivering");
  }

  @Test
  void anInterruptedRequestIsAnInterruptionNotAnUnreachableReceiver() {
    try (ThrottledHttp http = throttled()) {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> http.send(LOCAL)).isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }

  private static final HttpCall LOCAL =
      HttpCall.postJson(
          Secret.of("http://127.0.0.1:9/hook/s3cr3t"), Map.of(), "{}", "post message 1 of 1");

  private static ThrottledHttp throttled() {
    TestClock clock = TestClock.standard();
    return new ThrottledHttp(
        new NotifyHttp(Duration.ofSeconds(1), Duration.ofSeconds(1), clock),
        new Pacer(clock, clock.sleeper(), Duration.ZERO),
        clock.sleeper(),
        new ThrottledHttp.Settings(Duration.ofSeconds(60), 3),
        "the receiver",
        ErrorExplainer.PLAIN,
        Redactor.of(LOCAL.uri()));
  }

  private static HttpVerdict judge(int code) {
    return HttpVerdict.judge(
        CALL,
        new HttpAnswer(code, "gone", null),
        "the receiver",
        ErrorExplainer.PLAIN,
        Redactor.of(CALL.uri()));
  }
}
