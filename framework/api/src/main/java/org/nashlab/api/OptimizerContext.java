package org.nashlab.api;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One network's variables and the gradients of its loss.
 *
 * @param graph the trial's graph
 * @param network a short flat name for the network ({@code g}, {@code d}), used to name slots
 * @param variables the variables to update
 * @param gradients the gradient of the loss for each variable, in the same order (zeros where the
 *     loss does not depend on a variable)
 * @param totalUpdates how many times this update runs in the whole trial, for learning-rate
 *     schedules
 */
public record OptimizerContext(
    Graph graph,
    String network,
    List<Variable<TFloat32>> variables,
    List<Operand<TFloat32>> gradients,
    long totalUpdates) {
  public OptimizerContext {
    variables = List.copyOf(variables);
    gradients = List.copyOf(gradients);
    if (variables.size() != gradients.size()) {
      throw new IllegalArgumentException(
          variables.size() + " variables but " + gradients.size() + " gradients");
    }
    if (totalUpdates < 1) {
      throw new IllegalArgumentException("totalUpdates must be >= 1, got " + totalUpdates);
    }
  }
}
