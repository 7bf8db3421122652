package org.nashlab.train;

import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * The real and latent batches of the training loop. Each lives in one array and one tensor for the
 * whole trial: a step rewrites them in place and allocates nothing.
 */
final class BatchFeeder implements AutoCloseable {
  private final DataSource source;
  private final int batchSize;
  private final float[] real;
  private final FloatDataBuffer realView;
  private final TFloat32 realTensor;
  private final float[] latent;
  private final FloatDataBuffer latentView;
  private final TFloat32 latentTensor;

  BatchFeeder(DataSource source, int batchSize, int latentDimension) {
    this.source = source;
    this.batchSize = batchSize;
    Shape realShape = Shape.of(batchSize).append(source.sampleShape());
    this.real = new float[Math.toIntExact(realShape.size())];
    this.realView = DataBuffers.of(real, true, false);
    this.realTensor = TFloat32.tensorOf(realShape);
    this.latent = new float[batchSize * latentDimension];
    this.latentView = DataBuffers.of(latent, true, false);
    this.latentTensor = TFloat32.tensorOf(Shape.of(batchSize, latentDimension));
  }

  /** The next real batch, drawn with the data stream. */
  TFloat32 nextReal(RandomGenerator data) {
    source.fillBatch(real, batchSize, data);
    realTensor.copyFrom(realView);
    return realTensor;
  }

  /** The next latent batch, standard normal, drawn with the noise stream. */
  TFloat32 nextLatent(RandomGenerator noise) {
    fillNormal(latent, noise);
    latentTensor.copyFrom(latentView);
    return latentTensor;
  }

  static void fillNormal(float[] target, RandomGenerator random) {
    for (int i = 0; i < target.length; i++) {
      target[i] = (float) random.nextGaussian();
    }
  }

  @Override
  public void close() {
    realTensor.close();
    latentTensor.close();
  }
}
