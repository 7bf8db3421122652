package org.nashlab.report.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction (Holm 1979) of a family of p-values, as statsmodels'
 * multipletests(method='holm') gives it: the i-th smallest p-value of m is multiplied by m - i + 1,
 * made non-decreasing in that order, and capped at 1. It controls the family-wise error rate
 * without assuming the tests independent. {@code NaN} p-values (comparisons that could not be
 * tested) are left out of the family and stay {@code NaN}.
 */
final class HolmCorrection {
  private HolmCorrection() {}

  static double[] adjust(double[] pValues) {
    Integer[] order =
        IntStream.range(0, pValues.length)
            .filter(i -> !Double.isNaN(pValues[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i]))
            .toArray(Integer[]::new);
    double[] adjusted = new double[pValues.length];
    Arrays.fill(adjusted, Double.NaN);
    double running = 0;
    for (int rank = 0; rank < order.length; rank++) {
      running = Math.max(running, Math.min(1, (order.length - rank) * pValues[order[rank]]));
      adjusted[order[rank]] = running;
    }
    return adjusted;
  }
}
