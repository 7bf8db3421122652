package org.nashlab.report.stats;

import static java.util.Objects.requireNonNull;

import java.util.function.ToDoubleFunction;

/**
 * The nonparametric bootstrap of scipy.stats.bootstrap (independent samples, not paired): draws
 * resamples, then gives a statistic's percentile and BCa intervals.
 */
final class Bootstrap {
  private final int resamples;
  private final double confidence;
  private final Draws draws;

  Bootstrap(int resamples, double confidence, Draws draws) {
    this.resamples = resamples;
    this.confidence = confidence;
    this.draws = requireNonNull(draws, "draws");
  }

  static Bootstrap of(BootstrapSettings settings) {
    return new Bootstrap(
        settings.resamples(), settings.confidence(), Draws.seeded(settings.seed()));
  }

  /**
   * Draws every resample of the first sample, then every resample of the next, and so on.
   *
   * @throws IllegalArgumentException if a sample has fewer than two values (scipy refuses them too:
   *     one value has no variability to resample)
   */
  Resamples resample(double[]... samples) {
    int[][][] indices = new int[samples.length][resamples][];
    for (int s = 0; s < samples.length; s++) {
      if (samples[s].length < 2) {
        throw new IllegalArgumentException(
            "the bootstrap needs at least 2 values in each sample, got " + samples[s].length);
      }
      for (int b = 0; b < resamples; b++) {
        indices[s][b] = draws.indices(samples[s].length);
      }
    }
    return new Resamples(samples, indices);
  }

  /** The statistic on the observed samples with its percentile and BCa intervals. */
  Estimate estimate(Resamples resamples, ToDoubleFunction<double[][]> statistic) {
    double[] distribution = resamples.distribution(statistic);
    double observed = statistic.applyAsDouble(resamples.samples());
    Interval bca =
        BcaInterval.of(resamples.samples(), statistic, observed, distribution, tailProbability());
    return new Estimate(observed, percentile(distribution), bca);
  }

  /** The equal-tailed percentile interval of a bootstrap distribution. */
  Interval percentile(double[] distribution) {
    return Quantile.interval(distribution, tailProbability(), 1 - tailProbability());
  }

  private double tailProbability() {
    return (1 - confidence) / 2;
  }
}
