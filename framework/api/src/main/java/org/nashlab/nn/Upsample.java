package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Nearest-neighbour upsampling of NHWC images by an integer factor: each pixel becomes a {@code
 * factor x factor} block of copies, so an {@code H x W} image becomes {@code factor H x factor W}.
 * Followed by a convolution it is the usual alternative to a transposed convolution in a
 * generator's upsampling path, without its checkerboard artefacts (Odena et al. 2016). No
 * variables.
 *
 * <p>Built from a reshape and a tile, whose gradients are differentiable again, so a gradient
 * penalty works through a critic that contains it (docs/penalty-ops.md); TensorFlow's {@code
 * ResizeNearestNeighbor} would stop it, as its gradient op has none.
 */
public final class Upsample implements Network {
  private final Ops tf;
  private final int factor;

  public Upsample(Ops tf, int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("upsampling factor must be at least 1, got " + factor);
    }
    this.tf = tf;
    this.factor = factor;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    Shape shape = input.shape();
    if (shape.numDimensions() != 4 || shape.get(1) < 0 || shape.get(2) < 0 || shape.get(3) < 0) {
      throw new IllegalArgumentException(
          "upsampling needs [batch, height, width, channels] with known sizes, got " + shape);
    }
    long height = shape.get(1);
    long width = shape.get(2);
    long channels = shape.get(3);
    // [N, H, 1, W, 1, C] tiled to [N, H, f, W, f, C]: pixel (i, j) fills rows fi..fi+f-1, columns
    // fj..fj+f-1 once flattened back to [N, fH, fW, C].
    Operand<TFloat32> spread =
        tf.reshape(input, tf.constant(new long[] {-1, height, 1, width, 1, channels}));
    Operand<TFloat32> tiled = tf.tile(spread, tf.constant(new int[] {1, 1, factor, 1, factor, 1}));
    return tf.reshape(
        tiled, tf.constant(new long[] {-1, factor * height, factor * width, channels}));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
