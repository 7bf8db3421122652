package org.nashlab.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A capability of data sources that are mixtures of isotropic Gaussians: their modes and spread,
 * used to plot samples over the modes and to measure mode coverage.
 */
public interface MixtureModes {
  /** The centre of each mode. */
  List<double[]> modes();

  /** The standard deviation of every mode. */
  double std();

  /**
   * Writes {@code n} fresh 2-D samples of the mixture into {@code target}: a mode drawn uniformly,
   * then its centre plus Gaussian noise on each coordinate, all from {@code random}.
   */
  default void draw(float[] target, int n, RandomGenerator random) {
    List<double[]> modes = modes();
    for (int i = 0; i < n; i++) {
      double[] centre = modes.get(random.nextInt(modes.size()));
      target[2 * i] = (float) (centre[0] + std() * random.nextGaussian());
      target[2 * i + 1] = (float) (centre[1] + std() * random.nextGaussian());
    }
  }
}
