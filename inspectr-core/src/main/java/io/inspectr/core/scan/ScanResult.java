package io.inspectr.core.scan;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.ScanFailure;
import java.util.List;

/**
 * What a scan found: a result per result key that could be checked, and what could not be.
 *
 * @param results one per result key, in a stable order (by key)
 * @param failures what could not be checked and why
 * @since 0.1
 */
public record ScanResult(List<InspectrResult> results, List<ScanFailure> failures) {
  /** Copies the lists. */
  public ScanResult {
    results = List.copyOf(requireNonNull(results, "results"));
    failures = List.copyOf(requireNonNull(failures, "failures"));
  }

  /**
   * The results with something to tell.
   *
   * @return outdated or rebuilt results
   */
  public List<InspectrResult> findings() {
    return results.stream().filter(InspectrResult::isFinding).toList();
  }
}
