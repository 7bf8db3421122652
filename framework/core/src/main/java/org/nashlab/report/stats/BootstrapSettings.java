package org.nashlab.report.stats;

/**
 * How the bootstrap resamples: the number of resamples, the confidence level of its intervals, and
 * the seed that makes a report reproducible.
 *
 * <pre>{@code
 * BootstrapSettings settings = BootstrapSettings.seeded(2024); // 10,000 resamples, 95%
 * }</pre>
 *
 * Every statistic draws its resamples afresh from {@code seed}, so a group's numbers do not depend
 * on which other groups or metrics a report holds, nor on their order.
 */
public record BootstrapSettings(int resamples, double confidence, long seed) {
  /**
   * The resamples of {@link #seeded}; enough for a Monte Carlo error well under the digits shown.
   */
  public static final int DEFAULT_RESAMPLES = 10_000;

  /** The confidence level of {@link #seeded}. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  public BootstrapSettings {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must be between 0 and 1 (exclusive), got " + confidence);
    }
  }

  /** 10,000 resamples and 95% intervals, seeded. */
  public static BootstrapSettings seeded(long seed) {
    return new BootstrapSettings(DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, seed);
  }
}
