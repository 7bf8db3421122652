package org.nashlab.nn;

import java.util.List;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Layer normalisation (Ba et al. 2016): each sample normalised over all its features, then a
 * per-channel (last axis) scale and shift. Needs no batch statistics, so it suits critics with a
 * gradient penalty. Trainable {@code NAME_gamma} and {@code NAME_beta}.
 */
public final class LayerNorm implements Network {
  private final Ops tf;
  private final Variable<TFloat32> gamma;
  private final Variable<TFloat32> beta;
  private final float epsilon;

  public LayerNorm(Ops tf, String name, long channels) {
    this.tf = tf;
    this.epsilon = 1e-5f;
    this.gamma = Variables.filled(tf, name + "_gamma", Shape.of(channels), 1f);
    this.beta = Variables.filled(tf, name + "_beta", Shape.of(channels), 0f);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    int rank = input.shape().numDimensions();
    Operand<org.tensorflow.types.TInt32> axes = tf.constant(IntStream.range(1, rank).toArray());
    Operand<TFloat32> mean = tf.math.mean(input, axes, Mean.keepDims(true));
    Operand<TFloat32> centred = tf.math.sub(input, mean);
    // Mul, not Square: Square's gradient crashes TF Java 1.1.
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.mul(centred, centred), axes, Mean.keepDims(true));
    Operand<TFloat32> normalised =
        tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, tf.constant(epsilon))));
    return tf.math.add(tf.math.mul(normalised, gamma), beta);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of(gamma, beta);
  }
}
