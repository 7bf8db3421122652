package org.nashlab.api;

import java.util.random.RandomGenerator;
import org.tensorflow.ndarray.Shape;

/** Training samples, handed out a batch at a time into a buffer Nash reuses across steps. */
public interface DataSource {
  /** The shape of one sample, without the batch dimension. */
  Shape sampleShape();

  /**
   * Writes {@code batchSize} samples into {@code target}, one after the other in row-major order.
   * All randomness comes from {@code random}, the trial's data stream.
   */
  void fillBatch(float[] target, int batchSize, RandomGenerator random);
}
