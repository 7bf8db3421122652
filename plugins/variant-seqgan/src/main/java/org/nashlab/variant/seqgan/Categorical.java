package org.nashlab.variant.seqgan;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
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
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> uniforms, int vocabulary) {
    Operand<TFloat32> cumulative = tf.math.cumsum(tf.nn.softmax(logits), tf.constant(1));
    Operand<TFloat32> below =
        tf.dtypes.cast(
            tf.math.lessEqual(cumulative, tf.expandDims(uniforms, tf.constant(1))), TFloat32.class);
    Operand<TInt32> count = tf.dtypes.cast(tf.sum(below, tf.constant(1)), TInt32.class);
    return tf.stopGradient(tf.math.minimum(count, tf.constant(vocabulary - 1)));
  }

  /** Uniforms in [0, 1] from standard normal noise, through the normal CDF. */
  static Operand<TFloat32> uniform(Ops tf, Operand<TFloat32> normal) {
    return tf.math.mul(
        tf.constant(0.5f),
        tf.math.add(
            tf.constant(1f),
            tf.math.erf(tf.math.mul(normal, tf.constant((float) (1 / Math.sqrt(2)))))));
  }
}
