package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Pooling of NHWC images over non-overlapping {@code size x size} windows (stride {@code size},
 * VALID padding): an {@code H x W} image becomes {@code floor(H / size) x floor(W / size)}, each
 * channel apart. No variables. The gradients of TensorFlow's pooling gradients are registered by
 * {@link CustomGradients#registerToolkit()}, so penalties work through either kind.
 *
 * <pre>{@code
 * Network down = Pool.average(tf, 2); // [N, 28, 28, C] to [N, 14, 14, C]
 * }</pre>
 */
public final class Pool implements Network {
  private final Ops tf;
  private final boolean maximum;
  private final List<Long> window;

  private Pool(Ops tf, int size, boolean maximum) {
    CustomGradients.registerToolkit();
    if (size < 1) {
      throw new IllegalArgumentException("pooling window must be at least 1, got " + size);
    }
    this.tf = tf;
    this.maximum = maximum;
    this.window = List.of(1L, (long) size, (long) size, 1L);
  }

  /** The mean of each window (TensorFlow's {@code AvgPool}). */
  public static Pool average(Ops tf, int size) {
    return new Pool(tf, size, false);
  }

  /** The largest value of each window (TensorFlow's {@code MaxPoolV2}). */
  public static Pool max(Ops tf, int size) {
    return new Pool(tf, size, true);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    if (maximum) {
      Operand<TInt32> sizes = tf.constant(window.stream().mapToInt(Long::intValue).toArray());
      return tf.nn.maxPool(input, sizes, sizes, "VALID");
    }
    return tf.nn.avgPool(input, window, window, "VALID");
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
