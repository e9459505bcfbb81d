package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

/**
 * Something a scan could not check, with the reason; reported, never fatal to the scan.
 *
 * @param subject what failed: an image, a repository, a workload
 * @param reason why, as a sentence that says what to do where possible; never contains secrets
 * @since 0.1
 */
public record ScanFailure(String subject, String reason) {
  /** Checks the parts. */
  public ScanFailure {
    requireNonNull(subject, "subject");
    requireNonNull(reason, "reason");
  }
}
