package org.nashlab.nn;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A differentiable function with its own variables. The variables are created once, when the
 * network is built; every {@link #apply} call reuses them, so a discriminator applied to real and
 * generated batches shares its weights.
 */
public interface Network extends Trainable {
  /**
   * The network's output for {@code input}. In {@link Mode#TRAINING} batch norm uses the batch's
   * statistics and dropout is on; in {@link Mode#INFERENCE} batch norm uses its moving averages and
   * dropout is off.
   */
  Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode);
}
