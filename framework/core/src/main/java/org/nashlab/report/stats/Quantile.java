package org.nashlab.report.stats;

/** Quantiles of sorted values. */
final class Quantile {
  private Quantile() {}

  /**
   * The {@code p}-quantile of ascending {@code sorted} values by linear interpolation (Hyndman
   * &amp; Fan type 7, numpy's and scipy's default), written as scipy.stats.quantile computes it so
   * that the bootstrap intervals match scipy's to the last bits. {@code NaN} for a {@code NaN}
   * {@code p}.
   */
  static double linear(double[] sorted, double p) {
    if (Double.isNaN(p)) {
      return Double.NaN;
    }
    int n = sorted.length;
    double position = p * n + (1 - p);
    double above = Math.floor(position);
    double fraction = position - above;
    int upper = (int) Math.min(Math.max(above, 0), n - 1);
    int lower = (int) Math.min(Math.max(above - 1, 0), n - 1);
    if (above - 1 < 0) {
      fraction = 0;
    }
    return (1 - fraction) * sorted[lower] + fraction * sorted[upper];
  }

  /**
   * The interval between two quantiles of a bootstrap distribution; {@code NaN} ends if unknown.
   */
  static Interval interval(double[] distribution, double lower, double upper) {
    double[] sorted = SampleStatistics.sorted(distribution);
    double low = linear(sorted, lower);
    double high = linear(sorted, upper);
    return Double.isNaN(low) || Double.isNaN(high) ? Interval.UNDEFINED : new Interval(low, high);
  }
}
