package org.nashlab.regularizers;

import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Per-sample quantities on batches of any rank. Mul, never Square: Square's gradient crashes TF
 * Java 1.1.
 */
final class Norms {
  private Norms() {}

  /** {@code ||x_i||^2} for each sample i: {@code [batch]}. */
  static Operand<TFloat32> squaredNorms(Ops tf, Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    return tf.reduceSum(tf.math.mul(x, x), tf.constant(IntStream.range(1, rank).toArray()));
  }

  /** {@code ||x_i||} for each sample, with a tiny floor so its gradient stays finite at 0. */
  static Operand<TFloat32> norms(Ops tf, Operand<TFloat32> x) {
    return tf.math.sqrt(tf.math.add(squaredNorms(tf, x), tf.constant(1e-12f)));
  }

  /** The batch mean of {@code x}. */
  static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }

  /**
   * {@code [batch, 1, ..., 1]} for {@code x}: a per-sample scalar that broadcasts over a sample.
   */
  static Operand<org.tensorflow.types.TInt32> perSample(Ops tf, Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    int[] ones = new int[rank - 1];
    java.util.Arrays.fill(ones, 1);
    Operand<org.tensorflow.types.TInt32> batch =
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    return tf.concat(java.util.List.of(batch, tf.constant(ones)), tf.constant(0));
  }
}
