package org.nashlab.api;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Diagnostics of a critic's logits, {@code [batch, 1]}, logged beside its loss. */
public final class Critics {
  private Critics() {}

  /** D's mean belief that its inputs are real, {@code mean(sigmoid(logits))}. */
  public static Operand<TFloat32> meanProbability(Ops tf, Operand<TFloat32> logits) {
    return tf.math.mean(tf.math.sigmoid(logits), tf.constant(new int[] {0, 1}));
  }

  /**
   * D's accuracy on a batch: the fraction of logits above 0 (said real) or, for generated inputs
   * ({@code real} false), not above 0.
   */
  public static Operand<TFloat32> accuracy(Ops tf, Operand<TFloat32> logits, boolean real) {
    Operand<TFloat32> said =
        tf.dtypes.cast(tf.math.greater(logits, tf.constant(0f)), TFloat32.class);
    Operand<TFloat32> right = real ? said : tf.math.sub(tf.constant(1f), said);
    return tf.math.mean(right, tf.constant(new int[] {0, 1}));
  }
}
