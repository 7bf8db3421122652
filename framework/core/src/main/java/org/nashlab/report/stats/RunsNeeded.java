package org.nashlab.report.stats;

import java.util.OptionalInt;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How many runs per group a two-sided test at level alpha needs to detect a difference of means of
 * the observed size with power 0.8, by the normal approximation n = 2 (z_{1-alpha/2} + z_{0.8})^2
 * s^2 / d^2 with s^2 the pooled variance (Cohen 1988, ch. 2). It treats the observed difference and
 * spread as the true ones, and the normal approximation asks for somewhat fewer runs than a t-test
 * needs at small n, so it is a rough guide for planning, not a promise.
 */
final class RunsNeeded {
  /** The conventional power of a planned study. */
  static final double POWER = 0.8;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private RunsNeeded() {}

  /** Empty when the means are equal: no number of runs detects a zero difference. */
  static OptionalInt perGroup(double[] x, double[] y, double alpha) {
    double difference = SampleStatistics.differenceOfMeans(x, y);
    if (difference == 0) {
      return OptionalInt.empty();
    }
    double pooledVariance =
        ((x.length - 1) * SampleStatistics.variance(x)
                + (y.length - 1) * SampleStatistics.variance(y))
            / (x.length + y.length - 2);
    double z =
        STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2)
            + STANDARD_NORMAL.inverseCumulativeProbability(POWER);
    double runs = 2 * z * z * pooledVariance / (difference * difference);
    return OptionalInt.of((int) Math.max(2, Math.ceil(runs)));
  }
}
