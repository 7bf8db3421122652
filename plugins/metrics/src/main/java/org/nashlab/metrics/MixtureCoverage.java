package org.nashlab.metrics;

import java.util.List;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Samples;
import org.nashlab.metrics.ModeCoverageMetric.Counted;
import org.nashlab.metrics.ModeCoverageMetric.Region;

/**
 * Mode coverage of 2-D samples against a mixture of Gaussians, the VEEGAN/PacGAN protocol
 * (Srivastava et al. 2017; Lin et al. 2018): each sample belongs to its nearest mode and is high
 * quality when it lies within 3 standard deviations of it; a mode is covered when at least one
 * high-quality sample belongs to it. Two readings of "within 3 standard deviations" and of which
 * samples the histogram counts are in use, and give different numbers on the same samples:
 *
 * <ul>
 *   <li>{@link ModeCoverageMetric.Region#DISC}, Euclidean distance below 3 std: PacGAN's code
 *       ({@code MetricLogger}, {@code dis < dis_thre} on the standardised distance). The true
 *       mixture itself scores 1 - e^-4.5 = 98.9% high quality.
 *   <li>{@link ModeCoverageMetric.Region#BOX}, every coordinate within 3 std: the true mixture
 *       scores 0.9973^2 = 99.5%.
 *   <li>{@link ModeCoverageMetric.Counted#HIGH_QUALITY}: the histogram counts high-quality samples
 *       only, as PacGAN's {@code detail_of_coverage} does; a diffuse cloud then gets no histogram
 *       at all.
 *   <li>{@link ModeCoverageMetric.Counted#ALL}: every sample counts at its nearest mode, which
 *       rates a diffuse cloud spread over all modes as nearly uniform.
 * </ul>
 *
 * @param histogram the modes' counts and coverage
 * @param highQuality the fraction of high-quality samples
 */
record MixtureCoverage(ModeHistogram histogram, double highQuality) {
  /** PacGAN's reading: the disc, and a histogram of high-quality samples. */
  static MixtureCoverage of(Samples samples, MixtureModes mixture) {
    return of(samples, mixture, Region.DISC, Counted.HIGH_QUALITY);
  }

  static MixtureCoverage of(Samples samples, MixtureModes mixture, Region region, Counted counted) {
    List<double[]> modes = mixture.modes();
    ModeHistogram histogram = new ModeHistogram(modes.size());
    double limit = 3 * mixture.std();
    int dims = samples.sampleSize();
    int good = 0;
    for (int i = 0; i < samples.count(); i++) {
      int nearest = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int m = 0; m < modes.size(); m++) {
        double squared = 0;
        for (int j = 0; j < dims; j++) {
          double diff = samples.values()[i * dims + j] - modes.get(m)[j];
          squared += diff * diff;
        }
        if (squared < best) {
          best = squared;
          nearest = m;
        }
      }
      boolean highQuality =
          switch (region) {
            case DISC -> Math.sqrt(best) < limit;
            case BOX -> withinBox(samples, i, modes.get(nearest), limit);
          };
      good += highQuality ? 1 : 0;
      if (highQuality || counted == Counted.ALL) {
        histogram.add(nearest, 1, highQuality);
      }
    }
    return new MixtureCoverage(histogram, (double) good / samples.count());
  }

  private static boolean withinBox(Samples samples, int i, double[] mode, double limit) {
    int dims = samples.sampleSize();
    for (int j = 0; j < dims; j++) {
      if (Math.abs(samples.values()[i * dims + j] - mode[j]) > limit) {
        return false;
      }
    }
    return true;
  }
}
