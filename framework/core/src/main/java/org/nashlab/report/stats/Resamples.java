package org.nashlab.report.stats;

import java.util.function.ToDoubleFunction;

/**
 * The bootstrap resamples of one or more independent samples: {@code indices[s][b]} is resample
 * {@code b} of sample {@code s}. Several statistics computed on one {@code Resamples} share their
 * draws, as the mean and the IQM of a group do.
 */
record Resamples(double[][] samples, int[][][] indices) {
  int count() {
    return indices[0].length;
  }

  /** Resample {@code b}: one array of values per sample. */
  double[][] resample(int b) {
    double[][] resampled = new double[samples.length][];
    for (int s = 0; s < samples.length; s++) {
      int[] chosen = indices[s][b];
      resampled[s] = new double[chosen.length];
      for (int i = 0; i < chosen.length; i++) {
        resampled[s][i] = samples[s][chosen[i]];
      }
    }
    return resampled;
  }

  /** The bootstrap distribution of {@code statistic}, one value per resample. */
  double[] distribution(ToDoubleFunction<double[][]> statistic) {
    double[] distribution = new double[count()];
    for (int b = 0; b < distribution.length; b++) {
      distribution[b] = statistic.applyAsDouble(resample(b));
    }
    return distribution;
  }
}
