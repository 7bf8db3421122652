package org.nashlab.losses;

import org.nashlab.api.LossContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Batch-mean sigmoid cross-entropies on logits, written with softplus so that they never take the
 * log of a saturated sigmoid: {@code -log sigmoid(x) = softplus(-x)} and {@code -log(1 -
 * sigmoid(x)) = softplus(x)}.
 */
final class CrossEntropy {
  private CrossEntropy() {}

  /** {@code mean(-log sigmoid(x))}: logits {@code x} scored against the label "real". */
  static Operand<TFloat32> asReal(Ops tf, Operand<TFloat32> logits) {
    return mean(tf, tf.math.softplus(tf.math.neg(logits)));
  }

  /** {@code mean(-log(1 - sigmoid(x)))}: logits {@code x} scored against the label "fake". */
  static Operand<TFloat32> asFake(Ops tf, Operand<TFloat32> logits) {
    return mean(tf, tf.math.softplus(logits));
  }

  /** The discriminator's loss of the original GAN: real as real, generated as fake. */
  static Operand<TFloat32> discriminator(LossContext c) {
    return c.tf().math.add(asReal(c.tf(), c.realLogits()), asFake(c.tf(), c.fakeLogits()));
  }

  /** The batch mean of {@code x}, whatever its shape. */
  static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }
}
