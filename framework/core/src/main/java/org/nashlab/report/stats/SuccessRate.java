package org.nashlab.report.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The fraction of a group's runs that succeeded, with a Wilson score interval (Wilson 1927;
 * Newcombe 1998, method 3, without continuity correction), as scipy.stats.binomtest(k,
 * n).proportion_ci(method='wilson') gives it. Wilson's interval is used rather than
 * Clopper-Pearson's because it keeps close to its nominal coverage at the small counts of a sweep
 * instead of being conservative, and never leaves [0, 1].
 *
 * <pre>{@code
 * SuccessRate rate = SuccessRate.of(4, 1, 0.95); // 0.8, [0.376, 0.964]
 * }</pre>
 */
public record SuccessRate(int successes, int failures, double rate, Interval interval) {
  /**
   * @throws IllegalArgumentException if a count is negative or both are zero
   */
  public static SuccessRate of(int successes, int failures, double confidence) {
    if (successes < 0 || failures < 0 || successes + failures == 0) {
      throw new IllegalArgumentException(
          "a success rate needs non-negative counts and at least one run, got "
              + successes
              + " successes and "
              + failures
              + " failures");
    }
    double n = successes + failures;
    double p = successes / n;
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + 0.5 * confidence);
    double denominator = 2 * (n + z * z);
    double center = (2 * n * p + z * z) / denominator;
    double delta = z / denominator * Math.sqrt(4 * n * p * (1 - p) + z * z);
    double low = successes == 0 ? 0.0 : center - delta;
    double high = failures == 0 ? 1.0 : center + delta;
    return new SuccessRate(successes, failures, p, new Interval(low, high));
  }
}
