package org.nashlab.variant.seqgan;

import java.util.random.RandomGenerator;
import org.tensorflow.ndarray.Shape;

/**
 * A training set and a held-out set of token sequences of one length. Training batches draw
 * sequences uniformly with replacement from the training set; the authors' code walks it in epochs,
 * in a fixed order.
 */
final class SequenceSet {
  private final int[][] train;
  private final int[][] heldOut;
  private final int length;

  SequenceSet(int[][] train, int[][] heldOut, int length) {
    if (train.length == 0) {
      throw new IllegalArgumentException("the training set is empty");
    }
    this.train = train;
    this.heldOut = heldOut;
    this.length = length;
  }

  Shape sampleShape() {
    return Shape.of(length);
  }

  int[][] train() {
    return train;
  }

  int[][] heldOut() {
    return heldOut;
  }

  void fillBatch(float[] target, int batchSize, RandomGenerator random) {
    for (int i = 0; i < batchSize; i++) {
      int[] row = train[random.nextInt(train.length)];
      for (int t = 0; t < length; t++) {
        target[i * length + t] = row[t];
      }
    }
  }
}
