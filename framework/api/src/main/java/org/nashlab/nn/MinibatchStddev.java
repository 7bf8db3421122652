package org.nashlab.nn;

import java.util.List;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Minibatch standard deviation (Karras et al. 2018, section 3): the standard deviation of each
 * feature over the batch, averaged into one number, appended to every sample as one more feature
 * (or channel, for images). A discriminator that sees it can tell a batch of near-copies from real
 * data, which discourages mode collapse. No variables.
 */
public final class MinibatchStddev implements Network {
  private final Ops tf;

  public MinibatchStddev(Ops tf) {
    CustomGradients.registerToolkit();
    this.tf = tf;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    int rank = input.shape().numDimensions();
    Operand<TFloat32> centred =
        tf.math.sub(input, tf.math.mean(input, tf.constant(0), Mean.keepDims(true)));
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.mul(centred, centred), tf.constant(0), Mean.keepDims(true));
    Operand<TFloat32> deviation = tf.math.sqrt(tf.math.add(variance, tf.constant(1e-8f)));
    Operand<TFloat32> average =
        tf.math.mean(
            deviation, tf.constant(IntStream.range(0, rank).toArray()), Mean.keepDims(true));
    Operand<TFloat32> oneFeature = tf.math.mean(input, tf.constant(rank - 1), Mean.keepDims(true));
    Operand<TFloat32> feature = tf.math.add(tf.math.mul(oneFeature, tf.constant(0f)), average);
    return tf.concat(List.of(input, feature), tf.constant(rank - 1));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
