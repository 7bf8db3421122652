package org.nashlab.api;

import java.util.List;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The network just updated.
 *
 * @param tf the op factory, already ordered after the update
 * @param network which player was updated
 * @param variables its trainable variables
 */
public record ConstraintContext(Ops tf, Player network, List<Variable<TFloat32>> variables) {
  public ConstraintContext {
    variables = List.copyOf(variables);
  }
}
