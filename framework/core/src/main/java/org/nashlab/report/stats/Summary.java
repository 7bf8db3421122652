package org.nashlab.report.stats;

import java.util.function.ToDoubleFunction;

/**
 * One group's successful runs on one metric: the count, mean, sample standard deviation, median,
 * interquartile mean, and bootstrap intervals of the mean and of the IQM.
 *
 * <pre>{@code
 * Summary fid = Summary.of(finalFids, BootstrapSettings.seeded(7));
 * fid.mean().value();        // the mean over runs
 * fid.mean().bca();          // its 95% BCa interval
 * fid.interquartileMean();   // rliable's IQM with its intervals
 * }</pre>
 *
 * The IQM is rliable's (Agarwal et al. 2021): scipy.stats.trim_mean(values, 0.25). Both intervals
 * come from the same resamples. With a single run the standard deviation and every interval are
 * {@code NaN}: one value says nothing about the spread.
 *
 * @param n the number of successful runs
 * @param standardDeviation the sample standard deviation (ddof = 1)
 */
public record Summary(
    int n, Estimate mean, double standardDeviation, double median, Estimate interquartileMean) {
  /**
   * Summarises the per-run values of one group.
   *
   * @throws IllegalArgumentException if there are no values or one is not finite
   */
  public static Summary of(double[] values, BootstrapSettings settings) {
    return of(values, Bootstrap.of(settings));
  }

  static Summary of(double[] values, Bootstrap bootstrap) {
    SampleStatistics.requireFinite(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("a summary needs at least one successful run, got none");
    }
    ToDoubleFunction<double[][]> mean = samples -> SampleStatistics.mean(samples[0]);
    ToDoubleFunction<double[][]> iqm = samples -> SampleStatistics.interquartileMean(samples[0]);
    double standardDeviation = Math.sqrt(SampleStatistics.variance(values));
    double median = SampleStatistics.median(values);
    if (values.length == 1) {
      return new Summary(
          1,
          new Estimate(values[0], Interval.UNDEFINED, Interval.UNDEFINED),
          standardDeviation,
          median,
          new Estimate(values[0], Interval.UNDEFINED, Interval.UNDEFINED));
    }
    Resamples resamples = bootstrap.resample(values);
    return new Summary(
        values.length,
        bootstrap.estimate(resamples, mean),
        standardDeviation,
        median,
        bootstrap.estimate(resamples, iqm));
  }
}
