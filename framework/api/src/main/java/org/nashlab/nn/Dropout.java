package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Inverted dropout (Srivastava et al. 2014): in training each unit is kept with probability {@code
 * 1 - rate} and scaled by {@code 1 / (1 - rate)}; in inference it is the identity.
 *
 * <p>Masks come from a stateless random op seeded with this layer's seed and a call counter kept in
 * a variable ({@code NAME_calls_K} per training application): a checkpoint saves the counter, so a
 * resumed run draws the same masks as one never interrupted, and a discriminator applied to real
 * and generated batches draws independent masks for each.
 */
public final class Dropout implements Network {
  private final Ops tf;
  private final String name;
  private final float rate;
  private final Seeds seeds;
  private int applications;

  public Dropout(Ops tf, String name, float rate, Seeds seeds) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.tf = tf;
    this.name = name;
    this.rate = rate;
    this.seeds = seeds;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    if (mode == Mode.INFERENCE || rate == 0) {
      return input;
    }
    Operand<TFloat32> uniform =
        Noise.uniform(tf, tf.shape(input), name + "_" + applications++, seeds);
    float keep = 1 - rate;
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, tf.constant(keep)));
    return tf.math.mul(input, tf.math.mul(mask, tf.constant(1 / keep)));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
