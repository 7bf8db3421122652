package org.nashlab.datasets;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.MixtureModes;
import org.tensorflow.ndarray.Shape;

/** An equal-weight mixture of isotropic 2-D Gaussians; an infinite stream of fresh samples. */
final class GaussianMixture implements DataSource, MixtureModes {
  private final List<double[]> modes;
  private final double std;

  GaussianMixture(List<double[]> modes, double std) {
    this.modes = List.copyOf(modes);
    this.std = std;
  }

  @Override
  public Shape sampleShape() {
    return Shape.of(2);
  }

  @Override
  public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
    for (int i = 0; i < batchSize; i++) {
      double[] centre = modes.get(random.nextInt(modes.size()));
      target[2 * i] = (float) (centre[0] + std * random.nextGaussian());
      target[2 * i + 1] = (float) (centre[1] + std * random.nextGaussian());
    }
  }

  @Override
  public List<double[]> modes() {
    return modes.stream().map(double[]::clone).toList();
  }

  @Override
  public double std() {
    return std;
  }
}
