package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantileTest {
  private static final double[] SORTED = {10, 20, 30, 40, 50};

  @Test
  void linearInterpolatesBetweenOrderStatisticsLikeNumpy() {
    // np.quantile([10, 20, 30, 40, 50], [0, 0.1, 0.5, 0.975, 1]) = [10, 14, 30, 49, 50]
    assertEquals(10, Quantile.linear(SORTED, 0));
    assertEquals(14, Quantile.linear(SORTED, 0.1), 1e-12);
    assertEquals(30, Quantile.linear(SORTED, 0.5));
    assertEquals(49, Quantile.linear(SORTED, 0.975), 1e-12);
    assertEquals(50, Quantile.linear(SORTED, 1));
  }

  @Test
  void aNanProbabilityGivesAnUndefinedInterval() {
    assertTrue(Double.isNaN(Quantile.linear(SORTED, Double.NaN)));
    assertEquals(Interval.UNDEFINED, Quantile.interval(SORTED, Double.NaN, 0.9));
  }
}
