package org.nashlab.report.stats;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The bias-corrected and accelerated bootstrap interval, transcribed from scipy.stats.bootstrap's
 * {@code _bca_interval} (scipy 1.17), which follows Efron &amp; Tibshirani 1993, 14.3 and eq.
 * 15.36. The bias correction z0 comes from the fraction of resamples below the observed statistic
 * (ties counting half); the acceleration from the jackknife, summed over the samples. Edge cases
 * behave as scipy's: a constant sample gives a {@code NaN} acceleration and a {@code NaN} interval.
 */
final class BcaInterval {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private BcaInterval() {}

  static Interval of(
      double[][] samples,
      ToDoubleFunction<double[][]> statistic,
      double observed,
      double[] distribution,
      double tailProbability) {
    double z0 = STANDARD_NORMAL.inverseCumulativeProbability(fractionBelow(distribution, observed));
    double acceleration = acceleration(samples, statistic);
    double zAlpha = STANDARD_NORMAL.inverseCumulativeProbability(tailProbability);
    return Quantile.interval(
        distribution, adjusted(z0, acceleration, zAlpha), adjusted(z0, acceleration, -zAlpha));
  }

  /** scipy's {@code _percentile_of_score}: (#below + #at-or-below) / 2B. */
  private static double fractionBelow(double[] distribution, double observed) {
    long below = Arrays.stream(distribution).filter(v -> v < observed).count();
    long atOrBelow = Arrays.stream(distribution).filter(v -> v <= observed).count();
    return (double) (below + atOrBelow) / (2.0 * distribution.length);
  }

  /** a = sum U^3 / n^3 / (6 (sum U^2 / n^2)^(3/2)), U the scaled jackknife deviations. */
  private static double acceleration(double[][] samples, ToDoubleFunction<double[][]> statistic) {
    double cubes = 0;
    double squares = 0;
    for (int s = 0; s < samples.length; s++) {
      double[] jackknife = jackknife(samples, s, statistic);
      double n = jackknife.length;
      double mean = SampleStatistics.mean(jackknife);
      double sampleCubes = 0;
      double sampleSquares = 0;
      for (double value : jackknife) {
        double u = (n - 1) * (mean - value);
        sampleCubes += u * u * u;
        sampleSquares += u * u;
      }
      cubes += sampleCubes / (n * n * n);
      squares += sampleSquares / (n * n);
    }
    return 1.0 / 6 * cubes / Math.pow(squares, 1.5);
  }

  /** The statistic with each value of sample {@code s} left out in turn. */
  private static double[] jackknife(
      double[][] samples, int s, ToDoubleFunction<double[][]> statistic) {
    double[] sample = samples[s];
    double[] values = new double[sample.length];
    double[][] leftOut = samples.clone();
    for (int i = 0; i < sample.length; i++) {
      double[] without = new double[sample.length - 1];
      System.arraycopy(sample, 0, without, 0, i);
      System.arraycopy(sample, i + 1, without, i, sample.length - i - 1);
      leftOut[s] = without;
      values[i] = statistic.applyAsDouble(leftOut);
    }
    return values;
  }

  /** Efron &amp; Tibshirani eq. 14.10: Phi(z0 + (z0 + z) / (1 - a (z0 + z))). */
  private static double adjusted(double z0, double acceleration, double z) {
    double shifted = z0 + z;
    double probability = z0 + shifted / (1 - acceleration * shifted);
    return Double.isNaN(probability)
        ? Double.NaN
        : STANDARD_NORMAL.cumulativeProbability(probability);
  }
}
