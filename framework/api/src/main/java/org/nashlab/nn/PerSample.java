package org.nashlab.nn;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Per-sample quantities of batches of any rank, the pieces of gradient penalties:
 *
 * <pre>{@code
 * Operand<TFloat32> grad = context.gradients().of(context.realLogits(), context.real());
 * Operand<TFloat32> r1 = PerSample.batchMean(tf, PerSample.squaredNorms(tf, grad));
 * }</pre>
 *
 * Products, never {@code Square}: Square's gradient crashes TensorFlow Java 1.1.
 */
public final class PerSample {
  private PerSample() {}

  /** {@code ||x_i||^2} for each sample i: {@code [batch]}. */
  public static Operand<TFloat32> squaredNorms(Ops tf, Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    return tf.reduceSum(tf.math.mul(x, x), tf.constant(IntStream.range(1, rank).toArray()));
  }

  /** {@code ||x_i||} for each sample, with a tiny floor so that its gradient stays finite at 0. */
  public static Operand<TFloat32> norms(Ops tf, Operand<TFloat32> x) {
    return tf.math.sqrt(tf.math.add(squaredNorms(tf, x), tf.constant(1e-12f)));
  }

  /** The mean of every element of {@code x}, such as a {@code [batch]} of per-sample values. */
  public static Operand<TFloat32> batchMean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }

  /**
   * {@code [batch, 1, ..., 1]} for {@code x}: the shape of a per-sample scalar that broadcasts over
   * a sample, such as the interpolation weight of a gradient penalty.
   */
  public static Operand<TInt32> scalarShape(Ops tf, Operand<TFloat32> x) {
    int[] ones = new int[x.shape().numDimensions() - 1];
    Arrays.fill(ones, 1);
    Operand<TInt32> batch =
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    return tf.concat(List.of(batch, tf.constant(ones)), tf.constant(0));
  }
}
