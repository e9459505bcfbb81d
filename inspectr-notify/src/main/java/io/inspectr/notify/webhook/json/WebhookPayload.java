package io.inspectr.notify.webhook.json;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ScanFailure;
import java.util.List;
import java.util.Locale;

/**
 * The body of one webhook request: one report.
 *
 * @param schema always {@value #SCHEMA}
 * @param kind {@code full}, {@code new_findings} or {@code test}
 * @param createdAt when the report was made, ISO-8601 UTC
 * @param deliveryId a random id of this request, also in the {@code X-Inspectr-Delivery} header
 * @param summary counts
 * @param findings every finding of the report (results with an upgrade or a rebuilt tag)
 * @param failures what could not be checked
 * @since 0.1
 */
public record WebhookPayload(
    String schema,
    String kind,
    String createdAt,
    String deliveryId,
    Summary summary,
    List<WebhookFinding> findings,
    List<Failure> failures) {

  /** The schema name and version. */
  public static final String SCHEMA = "inspectr.report.v1";

  /** Checks and copies the parts. */
  public WebhookPayload {
    requireNonNull(schema, "schema");
    requireNonNull(kind, "kind");
    findings = List.copyOf(findings);
    failures = List.copyOf(failures);
  }

  /**
   * Counts of a report.
   *
   * @param results results in the report, findings or not
   * @param findings results with something to tell
   * @param upToDate results without
   * @param failures what could not be checked
   * @param clusters the clusters of the results
   */
  public record Summary(
      int results, int findings, int upToDate, int failures, List<String> clusters) {
    /** Copies the list. */
    public Summary {
      clusters = List.copyOf(clusters);
    }
  }

  /**
   * Something a scan could not check.
   *
   * @param subject an image, a repository or a workload
   * @param reason why
   */
  public record Failure(String subject, String reason) {}

  /**
   * The body of a report.
   *
   * @param report the report
   * @param findings its findings, in the order to send
   * @param deliveryId the request's id
   * @return never {@code null}
   */
  public static WebhookPayload of(Report report, List<InspectrResult> findings, String deliveryId) {
    int results = report.results().size();
    return new WebhookPayload(
        SCHEMA,
        kind(report.kind()),
        report.createdAt().toString(),
        deliveryId,
        new Summary(
            results,
            findings.size(),
            results - findings.size(),
            report.failures().size(),
            report.clusters()),
        findings.stream().map(WebhookFinding::of).toList(),
        report.failures().stream()
            .map((ScanFailure f) -> new Failure(f.subject(), f.reason()))
            .toList());
  }

  /**
   * The wire name of a report kind.
   *
   * @param kind the kind
   * @return e.g. {@code new_findings}
   */
  public static String kind(Report.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
