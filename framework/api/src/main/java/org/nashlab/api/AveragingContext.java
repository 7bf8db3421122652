package org.nashlab.api;

import java.util.List;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A network about to get shadow weights.
 *
 * @param tf the graph's op factory, for the shadow variables
 * @param afterUpdate the op factory ordered after the network's update, for the ops that update the
 *     shadows (never create variables with it: their initialisation would run the update)
 * @param network the network
 * @param variables its trainable variables
 */
public record AveragingContext(
    Ops tf, Ops afterUpdate, Player network, List<Variable<TFloat32>> variables) {
  public AveragingContext {
    variables = List.copyOf(variables);
  }
}
