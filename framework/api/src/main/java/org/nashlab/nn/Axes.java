package org.nashlab.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/** Axes to reduce over. */
public final class Axes {
  private Axes() {}

  /** Every axis of {@code x}, whatever its rank: for a sum or mean over all of it. */
  public static Operand<TInt32> all(Ops tf, Operand<?> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }
}
