package org.nashlab.report.stats;

import java.util.Arrays;

/** Plain statistics of one sample of per-run values. */
final class SampleStatistics {
  /** rliable's interquartile mean cuts a quarter of the runs at each end. */
  private static final double IQM_CUT = 0.25;

  private SampleStatistics() {}

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  /** The mean of {@code x} minus the mean of {@code y}. */
  static double differenceOfMeans(double[] x, double[] y) {
    return mean(x) - mean(y);
  }

  /** The sample variance (ddof = 1), two-pass; {@code NaN} for fewer than two values. */
  static double variance(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return squares / (values.length - 1);
  }

  static double median(double[] values) {
    return Quantile.linear(sorted(values), 0.5);
  }

  /**
   * The interquartile mean as rliable defines it (Agarwal et al. 2021):
   * scipy.stats.trim_mean(values, 0.25), the mean of the sorted values left after cutting {@code
   * floor(n / 4)} from each end.
   */
  static double interquartileMean(double[] values) {
    double[] sorted = sorted(values);
    int cut = (int) (IQM_CUT * sorted.length);
    double sum = 0;
    for (int i = cut; i < sorted.length - cut; i++) {
      sum += sorted[i];
    }
    return sum / (sorted.length - 2 * cut);
  }

  static double[] sorted(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  /** Rejects {@code NaN} and infinite values, naming where they are. */
  static void requireFinite(double[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] is " + values[i] + "; a failed run belongs in the failure count");
      }
    }
  }
}
