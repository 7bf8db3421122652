package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Random tensors that are fresh at every run yet resume exactly: a stateless random op seeded with
 * a fixed seed and a call counter kept in the variable {@code NAME_calls}. Checkpoints save the
 * counter; TensorFlow's seeded stateful random ops would restart their sequence in every new
 * session.
 */
public final class Noise {
  private Noise() {}

  /** Uniform in [0, 1), shaped {@code shape}. */
  public static Operand<TFloat32> uniform(Ops tf, Operand<TInt32> shape, String name, Seeds seeds) {
    // A constant to backpropagation: the random ops have no gradient, and their shape input may
    // depend on trained variables.
    return tf.stopGradient(
        tf.random.statelessRandomUniform(shape, seed(tf, name, seeds), TFloat32.class));
  }

  /** Standard normal, shaped {@code shape}. */
  public static Operand<TFloat32> normal(Ops tf, Operand<TInt32> shape, String name, Seeds seeds) {
    return tf.stopGradient(
        tf.random.statelessRandomNormal(shape, seed(tf, name, seeds), TFloat32.class));
  }

  private static Operand<TInt64> seed(Ops tf, String name, Seeds seeds) {
    Variable<TInt64> calls = tf.withName(name + "_calls").variable(tf.constant(0L));
    Operand<TInt64> call = tf.assignAdd(calls, tf.constant(1L));
    return tf.stack(List.of(tf.constant(seeds.next()), call));
  }
}
