package org.nashlab.report.stats;

import static java.util.Objects.requireNonNull;

/**
 * A statistic of the observed runs with two bootstrap confidence intervals: the percentile interval
 * and the bias-corrected and accelerated (BCa) one (Efron &amp; Tibshirani 1993, 14.3).
 */
public record Estimate(double value, Interval percentile, Interval bca) {
  public Estimate {
    requireNonNull(percentile, "percentile");
    requireNonNull(bca, "bca");
  }
}
