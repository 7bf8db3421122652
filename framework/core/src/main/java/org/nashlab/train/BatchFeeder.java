package org.nashlab.train;

import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.LabeledSource;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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
  private final int[] realLabels;
  private final IntDataBuffer realLabelsView;
  private final TInt32 realLabelsTensor;
  private final int[] fakeLabels;
  private final IntDataBuffer fakeLabelsView;
  private final TInt32 fakeLabelsTensor;

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
    this.realLabels = new int[batchSize];
    this.realLabelsView = DataBuffers.of(realLabels, true, false);
    this.realLabelsTensor = TInt32.tensorOf(Shape.of(batchSize));
    this.fakeLabels = new int[batchSize];
    this.fakeLabelsView = DataBuffers.of(fakeLabels, true, false);
    this.fakeLabelsTensor = TInt32.tensorOf(Shape.of(batchSize));
  }

  /** The next real batch, drawn with the data stream; its labels go to {@link #realLabels()}. */
  TFloat32 nextReal(RandomGenerator data) {
    if (source instanceof LabeledSource labeled) {
      labeled.fillBatch(real, realLabels, batchSize, data);
      realLabelsTensor.copyFrom(realLabelsView);
    } else {
      source.fillBatch(real, batchSize, data);
    }
    realTensor.copyFrom(realView);
    return realTensor;
  }

  /** The labels of the last real batch. */
  TInt32 realLabels() {
    return realLabelsTensor;
  }

  /** Labels for the generator, uniform over the classes, drawn with the noise stream. */
  TInt32 nextFakeLabels(RandomGenerator noise, int classes) {
    for (int i = 0; i < batchSize; i++) {
      fakeLabels[i] = noise.nextInt(classes);
    }
    fakeLabelsTensor.copyFrom(fakeLabelsView);
    return fakeLabelsTensor;
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
    realLabelsTensor.close();
    fakeLabelsTensor.close();
  }
}
