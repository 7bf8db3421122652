package org.nashlab.variant.progan;

import java.util.List;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Pixelwise feature vector normalisation (section 4.2): each pixel's feature vector divided by the
 * root of its mean square over the channels (the last axis) plus 1e-8, as the authors' {@code
 * pixel_norm}. No variables; also normalises a batch of latents {@code [batch, dimension]}.
 */
final class PixelNorm implements Network {
  private final Ops tf;

  PixelNorm(Ops tf) {
    this.tf = tf;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    int channels = input.shape().numDimensions() - 1;
    Operand<TFloat32> meanSquare =
        tf.math.mean(tf.math.square(input), tf.constant(channels), Mean.keepDims(true));
    return tf.math.mul(input, tf.math.rsqrt(tf.math.add(meanSquare, tf.constant(1e-8f))));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
