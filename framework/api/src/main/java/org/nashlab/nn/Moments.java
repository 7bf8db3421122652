package org.nashlab.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * A mean and a variance that normalise a tensor, built from ops whose gradients are themselves
 * differentiable (means, products and rsqrt), so that penalties can differentiate a normalisation
 * twice.
 */
record Moments(Operand<TFloat32> mean, Operand<TFloat32> variance) {
  /** The mean and the biased variance of {@code x} over {@code axes}, which stay as size-1 axes. */
  static Moments of(Ops tf, Operand<TFloat32> x, int[] axes) {
    CustomGradients.registerToolkit();
    Operand<org.tensorflow.types.TInt32> over = tf.constant(axes);
    Operand<TFloat32> mean = tf.math.mean(x, over, Mean.keepDims(true));
    Operand<TFloat32> centred = tf.math.sub(x, mean);
    // Mul, not Square: Square's gradient crashes TF Java 1.1 (docs/tensorflow-java.md, trap 1).
    return new Moments(
        mean, tf.math.mean(tf.math.mul(centred, centred), over, Mean.keepDims(true)));
  }

  /** {@code gamma (x - mean) / sqrt(variance + epsilon) + beta}. */
  Operand<TFloat32> normalise(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> gamma, Operand<TFloat32> beta, float epsilon) {
    Operand<TFloat32> scale =
        tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(variance, tf.constant(epsilon))));
    return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), beta);
  }
}
