package org.nashlab.metrics;

import java.util.List;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Samples;

/**
 * Mode coverage of 2-D samples against a mixture of Gaussians, the VEEGAN/PacGAN protocol
 * (Srivastava et al. 2017; Lin et al. 2018): a sample is high quality when each of its coordinates
 * is within 3 standard deviations of its nearest mode's, and a mode is covered when it is the
 * nearest mode of at least one high-quality sample. The histogram counts every sample at its
 * nearest mode.
 *
 * <p>Within 3 standard deviations is read per coordinate: the true 2-D mixture then scores 0.9973^2
 * = 99.5% high quality. The Euclidean reading, distance at most 3 std, would score 1 - e^-4.5 =
 * 98.9% on the true distribution itself.
 *
 * @param histogram the modes' counts and coverage
 * @param highQuality the fraction of high-quality samples
 */
record MixtureCoverage(ModeHistogram histogram, double highQuality) {
  static MixtureCoverage of(Samples samples, MixtureModes mixture) {
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
      boolean highQuality = true;
      for (int j = 0; j < dims; j++) {
        highQuality &= Math.abs(samples.values()[i * dims + j] - modes.get(nearest)[j]) <= limit;
      }
      good += highQuality ? 1 : 0;
      histogram.add(nearest, 1, highQuality);
    }
    return new MixtureCoverage(histogram, (double) good / samples.count());
  }
}
