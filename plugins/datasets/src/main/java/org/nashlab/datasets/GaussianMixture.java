package org.nashlab.datasets;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.DatasetContext;
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

  /**
   * The mixture as a dataset opens it: fresh samples every batch when {@code size} is 0, else a
   * {@link FixedMixtureSet} of {@code size} samples drawn from the context's seed.
   */
  static DataSource open(
      List<double[]> modes, double std, int size, Sampling sampling, DatasetContext context) {
    GaussianMixture mixture = new GaussianMixture(modes, std);
    return size == 0 ? mixture : new FixedMixtureSet(mixture, size, sampling, context.seed());
  }

  @Override
  public Shape sampleShape() {
    return Shape.of(2);
  }

  @Override
  public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
    draw(target, batchSize, random);
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
