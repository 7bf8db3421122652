package org.nashlab.api;

import java.util.List;
import java.util.Optional;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A technique that keeps shadow copies of a network's weights, like an exponential moving average
 * of the generator (Yazici et al. 2019). Nash samples and evaluates with the shadow weights: it
 * swaps them in, draws, and swaps the trained weights back.
 */
public interface WeightAveraging extends Regularizer {
  /** The shadows of {@code context.variables()} and the ops that update them; empty to skip. */
  Optional<Shadows> average(AveragingContext context);

  /**
   * Shadow weights.
   *
   * @param variables one shadow per variable of the network, in the same order
   * @param updates ops run after each update of the network
   */
  record Shadows(List<Variable<TFloat32>> variables, List<Op> updates) {
    public Shadows {
      variables = List.copyOf(variables);
      updates = List.copyOf(updates);
    }
  }
}
