package io.inspectr.notify.log;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.core.spi.Notifier;
import io.inspectr.notify.internal.Findings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one structured line per finding to an SLF4J logger: the message is {@code logfmt} ({@code
 * finding cluster=prod namespace=web ... newest=1.27.0}) and the same pairs go along as SLF4J key
 * values, so a JSON encoder gets real fields. A line is delivered once written; while the logging
 * configuration drops the logger's lines at the configured level, findings are permanent failures
 * instead. Thread-safe.
 *
 * @since 0.1
 */
public final class LogNotifier implements Notifier {
  /** The notifier id. */
  public static final String ID = "log";

  private final Logger log;
  private final Level level;

  /**
   * Creates the notifier.
   *
   * @param config the configuration
   */
  public LogNotifier(LogNotifierConfig config) {
    requireNonNull(config, "config");
    this.log = LoggerFactory.getLogger(config.logger());
    this.level = LogNotifierConfig.slf4jLevel(config.level());
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Logs a line per finding and per failure; a test report logs one test line. When the logging
   * configuration drops lines of this logger at this level, nothing counts as delivered.
   *
   * @throws NotificationException for a test report when the lines would be dropped
   */
  @Override
  public DeliveryReport deliver(Report report) throws NotificationException {
    if (!log.isEnabledForLevel(level)) {
      return dropped(report);
    }
    if (report.kind() == Report.Kind.TEST) {
      log.atLevel(level).setMessage("inspectr test message: the log notifier works").log();
      return new DeliveryReport(ID, Map.of());
    }
    String kind = report.kind().name().toLowerCase(java.util.Locale.ROOT);
    for (InspectrResult finding : Findings.findings(report)) {
      write("finding", fields(finding, kind));
    }
    for (ScanFailure failure : report.failures()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("subject", failure.subject());
      fields.put("reason", failure.reason());
      fields.put("report", kind);
      write("scan_failure", fields);
    }
    return DeliveryReport.uniform(ID, report, DeliveryOutcome.delivered("logged"));
  }

  private DeliveryReport dropped(Report report) throws NotificationException {
    String reason =
        "the log level "
            + level
            + " of logger "
            + log.getName()
            + " is disabled in the logging configuration, so its lines would be dropped; perhaps"
            + " you should set inspectr.notify.log.level to a level that logger writes, or lower"
            + " its level in the logging configuration";
    if (report.kind() == Report.Kind.TEST) {
      throw new NotificationException(ID, reason, false, null);
    }
    Map<ResultKey, DeliveryOutcome> outcomes = new LinkedHashMap<>();
    for (InspectrResult result : report.results()) {
      outcomes.put(
          result.key(),
          result.isFinding()
              ? DeliveryOutcome.permanent(reason)
              : DeliveryOutcome.delivered("nothing to log: up to date"));
    }
    return new DeliveryReport(ID, outcomes);
  }

  private static Map<String, Object> fields(InspectrResult r, String kind) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("cluster", r.key().cluster());
    f.put("namespace", r.key().namespace());
    f.put("workload", r.key().workload().toString());
    f.put("container", r.key().container());
    f.put("init", r.init());
    f.put("image", r.image().toString());
    f.put("pods", r.pods());
    f.put("behind", r.upgrades().behind());
    r.upgrades().newest().ifPresent(n -> f.put("newest", n));
    putIfSet(f, "newest_patch", r.upgrades().newestPatch());
    putIfSet(f, "newest_minor", r.upgrades().newestMinor());
    putIfSet(f, "newest_major", r.upgrades().newestMajor());
    f.put("rebuilt", r.digestCheck().isRebuilt());
    if (r.digestCheck().current() != null) {
      f.put("current_digest", r.digestCheck().current().toString());
    }
    if (!r.warnings().isEmpty()) {
      f.put("warnings", String.join("; ", r.warnings()));
    }
    f.put("report", kind);
    return f;
  }

  private static void putIfSet(Map<String, Object> f, String key, @Nullable String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  private void write(String event, Map<String, Object> fields) {
    LoggingEventBuilder line = log.atLevel(level);
    StringBuilder text = new StringBuilder(event);
    fields.forEach(
        (k, v) -> {
          line.addKeyValue(k, v);
          text.append(' ').append(k).append('=').append(Logfmt.value(String.valueOf(v)));
        });
    line.setMessage(text.toString()).log();
  }
}
