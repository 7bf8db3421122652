package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * Inverted dropout (Srivastava et al. 2014): in training each unit is kept with probability {@code
 * 1 - rate} and scaled by {@code 1 / (1 - rate)}; in inference it is the identity. The mask comes
 * from a seeded op, so runs repeat.
 */
public final class Dropout implements Network {
  private final Ops tf;
  private final float rate;
  private final Seeds seeds;

  public Dropout(Ops tf, float rate, Seeds seeds) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.tf = tf;
    this.rate = rate;
    this.seeds = seeds;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    if (mode == Mode.INFERENCE || rate == 0) {
      return input;
    }
    float keep = 1 - rate;
    Operand<TFloat32> uniform =
        tf.random.randomUniform(
            tf.shape(input), TFloat32.class, RandomUniform.seed(seeds.next()).seed2(seeds.next()));
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, tf.constant(keep)));
    return tf.math.mul(input, tf.math.mul(mask, tf.constant(1 / keep)));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
