package org.nashlab.variant.stylegan2;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Style-mixing regularisation's draw for a minibatch, as the authors' {@code style_mixing_prob}:
 * with probability {@code p} a crossover layer uniform over {@code 1 .. styles - 1} (the whole
 * batch takes the second latent's styles from it on), otherwise {@code styles}, no mixing. The two
 * uniform numbers come from the first row of a fed standard-normal input through the normal CDF, so
 * the draw is Nash's noise stream's and a resumed trial draws the same.
 */
final class Mixing {
  private Mixing() {}

  /** The crossover, a float scalar, from {@code normals}, {@code [N, 2]}. */
  static Operand<TFloat32> crossover(
      Ops tf, Operand<TFloat32> normals, float probability, int styles) {
    Operand<TFloat32> first =
        tf.reshape(
            tf.slice(normals, tf.constant(new int[] {0, 0}), tf.constant(new int[] {1, 2})),
            tf.constant(new int[] {2}));
    Operand<TFloat32> uniform =
        tf.math.mul(
            tf.constant(0.5f),
            tf.math.add(
                tf.constant(1f),
                tf.math.erf(tf.math.mul(first, tf.constant((float) (1 / Math.sqrt(2)))))));
    Operand<TFloat32> mix = tf.gather(uniform, tf.constant(0), tf.constant(0));
    Operand<TFloat32> layer = tf.gather(uniform, tf.constant(1), tf.constant(0));
    Operand<TFloat32> cut =
        tf.math.minimum(
            tf.math.add(
                tf.constant(1f), tf.math.floor(tf.math.mul(layer, tf.constant(styles - 1f)))),
            tf.constant(styles - 1f));
    return tf.select(tf.math.less(mix, tf.constant(probability)), cut, tf.constant((float) styles));
  }
}
