package io.inspectr.core.scan;

/**
 * How a {@link Scanner} works.
 *
 * @param concurrency how many repositories are looked up at once; the registry layer bounds
 *     requests per registry host on its own
 * @param checkDigests whether mutable tags ({@code latest}, {@code stable}) are compared by digest
 *     to find rebuilt images
 * @since 0.1
 */
public record ScanSettings(int concurrency, boolean checkDigests) {
  /** Default concurrency: as many repositories at once as a registry host allows by default. */
  public static final int DEFAULT_CONCURRENCY = 8;

  private static final ScanSettings DEFAULTS = new ScanSettings(DEFAULT_CONCURRENCY, true);

  /** Checks the bounds. */
  public ScanSettings {
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException(
          "Scan concurrency must be from 1 to 256, got " + concurrency);
    }
  }

  /**
   * Concurrency 8, digest checks on.
   *
   * @return never {@code null}
   */
  public static ScanSettings defaults() {
    return DEFAULTS;
  }
}
