package org.nashlab.variant.seqgan;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * A categorical draw by inverting the cumulative distribution: the token is the number of
 * cumulative probabilities at or below the uniform {@code u}, the first {@code v} whose cumulative
 * probability exceeds {@code u}. Exact for a fed {@code u}, so draws repeat on resume; the same law
 * as the authors' {@code tf.multinomial}.
 */
final class Categorical {
  private Categorical() {}

  /**
   * @param logits {@code [rows, vocabulary]}
   * @param uniforms {@code [rows]} in [0, 1]
   * @return {@code [rows]} token ids, at most {@code vocabulary - 1} (rounding can leave the last
   *     cumulative probability just below a uniform near 1)
   */
  static Operand<TInt32> inverse(
      Ops tf, Operand<TFloat64> logits, Operand<TFloat64> uniforms, int vocabulary) {
    // In double precision, and normalised by the running sum's own last element rather than a
    // separate sum, so that the last cumulative probability is exactly 1.
    Operand<TFloat64> l = logits;
    Operand<TFloat64> weights =
        tf.math.exp(tf.math.sub(l, tf.max(l, tf.constant(new int[] {1}), Max.keepDims(true))));
    Operand<TFloat64> running = tf.math.cumsum(weights, tf.constant(1));
    Operand<TFloat64> total =
        tf.slice(
            running, tf.constant(new int[] {0, vocabulary - 1}), tf.constant(new int[] {-1, 1}));
    Operand<TFloat64> cumulative = tf.math.div(running, total);
    Operand<TFloat64> u = tf.expandDims(uniforms, tf.constant(1));
    Operand<TFloat32> below = tf.dtypes.cast(tf.math.lessEqual(cumulative, u), TFloat32.class);
    Operand<TInt32> count = tf.dtypes.cast(tf.sum(below, tf.constant(1)), TInt32.class);
    return tf.stopGradient(tf.math.minimum(count, tf.constant(vocabulary - 1)));
  }

  /** Uniforms in [0, 1] from standard normal noise, through the normal CDF. */
  static Operand<TFloat64> uniform(Ops tf, Operand<TFloat32> normal) {
    Operand<TFloat64> z = tf.dtypes.cast(normal, TFloat64.class);
    return tf.math.mul(
        tf.constant(0.5),
        tf.math.add(tf.constant(1.0), tf.math.erf(tf.math.mul(z, tf.constant(1 / Math.sqrt(2))))));
  }
}
