package io.inspectr.notify.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.notify.testing.CapturedLogs;
import io.inspectr.notify.testing.Reports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogNotifierTest {

  @Test
  void writesOneStructuredLinePerFindingAndPerFailure() {
    LogNotifierProvider provider = new LogNotifierProvider();
    PluginConfig config =
        PluginConfig.of(
            "inspectr.notify.log", Map.of("enabled", "true", "logger", "test.findings"));
    DeliveryReport report;
    List<ILoggingEvent> events;
    try (CapturedLogs logs = new CapturedLogs();
        var notifier = provider.create(config)) {
      report =
          notifier.deliver(
              Reports.full(
                  List.of(
                      Reports.outdated(
                          "prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4", "2.0.0"),
                      Reports.upToDate("prod", "db", "pg", "pg", "postgres:16.1")),
                  List.of(new ScanFailure("quay.io/x/y", "HTTP 401 \"no\""))));
      events =
          logs.events().stream().filter(e -> e.getLoggerName().equals("test.findings")).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    assertThat(provider.isConfigured(config)).isTrue();
    assertThat(provider.isConfigured(PluginConfig.empty("inspectr.notify.log"))).isFalse();
    assertThat(report.allDelivered()).isTrue();
    assertThat(report.outcomes()).hasSize(2);
    assertThat(events)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "finding cluster=prod namespace=web workload=Deployment/frontend container=nginx init=false"
                + " image=docker.io/library/nginx:1.25.3 pods=2 behind=2 newest=2.0.0 newest_patch=1.25.4"
                + " newest_major=2.0.0 rebuilt=false report=full",
            "scan_failure subject=quay.io/x/y reason=\"HTTP 401 \\\"no\\\"\" report=full");
    assertThat(events.get(0).getKeyValuePairs())
        .anySatisfy(
            kv -> {
              assertThat(kv.key).isEqualTo("newest");
              assertThat(kv.value).isEqualTo("2.0.0");
            });
  }

  @Test
  void aLevelTheLoggingConfigurationDropsIsRejectedAndNeverCountsAsDelivered() throws Exception {
    Logger quiet = (Logger) LoggerFactory.getLogger("test.quiet");
    quiet.setLevel(Level.WARN);
    try {
      assertThatThrownBy(
              () ->
                  new LogNotifierProvider()
                      .create(
                          PluginConfig.of(
                              "inspectr.notify.log",
                              Map.of("enabled", "true", "logger", "test.quiet", "level", "debug"))))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining(
              "inspectr.notify.log.level was 'debug' but the logging configuration drops DEBUG"
                  + " lines of the logger test.quiet");

      InspectrResult outdated =
          Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4");
      InspectrResult fine = Reports.upToDate("prod", "db", "pg", "pg", "postgres:16.1");
      try (LogNotifier notifier = new LogNotifier(new LogNotifierConfig("test.quiet", "warn"))) {
        // The logging configuration changed after the notifier was created.
        quiet.setLevel(Level.ERROR);
        DeliveryReport report = notifier.deliver(Reports.full(List.of(outdated, fine), List.of()));

        assertThat(report.outcomes().get(outdated.key()))
            .satisfies(
                o -> {
                  assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.PERMANENT_FAILURE);
                  assertThat(o.detail())
                      .startsWith("the log level WARN of logger test.quiet is disabled");
                });
        assertThat(report.outcomes().get(fine.key()).isDelivered()).isTrue();
        assertThatThrownBy(() -> notifier.deliver(Reports.test()))
            .isInstanceOfSatisfying(
                NotificationException.class, e -> assertThat(e.isRetryable()).isFalse())
            .hasMessageContaining("the log level WARN of logger test.quiet is disabled");
      }
    } finally {
      quiet.setLevel(null);
    }
  }

  @Test
  void logfmtQuotesOnlyWhatNeedsIt() {
    assertThat(Logfmt.value("1.27.0")).isEqualTo("1.27.0");
    assertThat(Logfmt.value("")).isEqualTo("\"\"");
    assertThat(Logfmt.value("a b=c\n")).isEqualTo("\"a b=c\\n\"");
  }
}
