package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A differentiable function with its own variables. The variables are created once, when the
 * network is built; every {@link #apply} call reuses them, so a discriminator applied to real and
 * generated batches shares its weights.
 */
public interface Network {
  /**
   * The network's output for {@code input}. In {@link Mode#TRAINING} batch norm uses the batch's
   * statistics and dropout is on; in {@link Mode#INFERENCE} batch norm uses its moving averages and
   * dropout is off.
   */
  Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode);

  /** The trainable variables, in a stable order. */
  List<Variable<TFloat32>> variables();

  /**
   * Ops to run with every training step of this network, such as batch norm's moving averages: one
   * set per {@link Mode#TRAINING} application so far.
   */
  default List<Op> updates() {
    return List.of();
  }
}
