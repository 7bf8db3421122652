package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A differentiable function with its own variables. The variables are created once, when the
 * network is built; every {@link #apply} call reuses them, so a discriminator applied to real and
 * generated batches shares its weights.
 */
public interface Network {
  Operand<TFloat32> apply(Operand<TFloat32> input);

  /** The trainable variables, in a stable order. */
  List<Variable<TFloat32>> variables();
}
