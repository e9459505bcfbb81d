package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What notifiers are asked to deliver: results and the failures of one scan or alert cycle.
 *
 * @param kind a full report, new findings only, or a test message
 * @param createdAt when the report was made
 * @param results the results to tell about; for {@link Kind#FULL} every current finding
 * @param failures what could not be checked
 * @since 0.1
 */
public record Report(
    Kind kind, Instant createdAt, List<InspectrResult> results, List<ScanFailure> failures) {

  /** Why a report is sent. */
  public enum Kind {
    /** The scheduled full report: every current finding. */
    FULL,
    /** Findings that are new since they were last delivered. */
    NEW_FINDINGS,
    /** A test message from {@code inspectr notify-test}. */
    TEST
  }

  /** Checks and copies the parts. */
  public Report {
    requireNonNull(kind, "kind");
    requireNonNull(createdAt, "createdAt");
    results = List.copyOf(requireNonNull(results, "results"));
    failures = List.copyOf(requireNonNull(failures, "failures"));
  }

  /**
   * The clusters the results come from, in order of appearance.
   *
   * @return never {@code null}
   */
  public List<String> clusters() {
    return results.stream().map(r -> r.key().cluster()).distinct().toList();
  }
}
