package org.nashlab.api;

import java.util.Map;
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

  /**
   * What the source's sampling remembers from one batch to the next beyond the data stream's
   * position, such as its place in an epoch. Nash saves it with every checkpoint and hands it to
   * {@link #restore} on resume, so a resumed trial sees the batches an uninterrupted one would.
   * Empty (the default) when the data stream's position is the whole sampling state.
   */
  default Map<String, String> state() {
    return Map.of();
  }

  /** Sets the sampling back to a {@link #state()} saved with a checkpoint. */
  default void restore(Map<String, String> state) {}
}
