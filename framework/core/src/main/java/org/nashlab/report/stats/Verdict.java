package org.nashlab.report.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalInt;

/**
 * The plain-words verdict of a comparison with the baseline. Welch's t-test after Holm's correction
 * decides it: the reported effect is a difference of means, and Welch's test is the test of that
 * difference that does not assume equal variances; the Mann-Whitney test is reported beside it as a
 * check that does not assume normality.
 */
final class Verdict {
  private static final BigDecimal SMALLEST_SHOWN = new BigDecimal("0.001");

  private Verdict() {}

  /**
   * @param groupRuns the group's successful runs
   * @param baselineRuns the baseline's successful runs
   * @param difference the group's mean minus the baseline's
   * @param pHolm Welch's p-value after Holm's correction, {@code NaN} if no test was possible
   * @param alpha the significance level
   */
  static String of(
      Direction direction,
      int groupRuns,
      int baselineRuns,
      double difference,
      double pHolm,
      double alpha,
      OptionalInt runsNeeded) {
    String runs =
        groupRuns == baselineRuns
            ? "n = " + groupRuns
            : "n = " + groupRuns + " against the baseline's " + baselineRuns;
    if (groupRuns < 2 || baselineRuns < 2) {
      return "not tested: each group needs at least 2 successful runs (" + runs + ")";
    }
    if (Double.isNaN(pHolm)) {
      return "no detectable difference: every run of both groups has the same value";
    }
    String p = "p_holm " + format(pHolm);
    if (pHolm < alpha) {
      return (direction.orient(difference) > 0 ? "better" : "worse") + " than baseline (" + p + ")";
    }
    String undetected = "no detectable difference with " + runs + " (" + p + ")";
    if (runsNeeded.isEmpty()) {
      return undetected + "; the means are equal";
    }
    int needed = runsNeeded.getAsInt();
    if (needed > Math.min(groupRuns, baselineRuns)) {
      return undetected
          + "; about "
          + needed
          + " runs per group would detect a difference of this size";
    }
    return undetected + "; a difference of this size is at the edge of what these runs detect";
  }

  /** "= 0.012" (two significant digits) or "< 0.001". */
  static String format(double p) {
    BigDecimal value = new BigDecimal(p).round(new MathContext(2));
    return value.compareTo(SMALLEST_SHOWN) < 0
        ? "< " + SMALLEST_SHOWN
        : "= " + value.stripTrailingZeros().toPlainString();
  }
}
