package org.nashlab.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.op.Op;
import org.tensorflow.types.family.TType;

/**
 * Applies a tensorflow-framework optimizer to one network's precomputed gradients. {@code
 * minimize()} would differentiate every variable in the graph, so GANs use {@code applyGradients}
 * with each network's own variables.
 */
final class FrameworkOptimizers {
  private FrameworkOptimizers() {}

  static Op apply(Optimizer optimizer, OptimizerContext context) {
    List<GradAndVar<? extends TType>> pairs = new ArrayList<>();
    for (int i = 0; i < context.variables().size(); i++) {
      pairs.add(
          new GradAndVar<>(
              context.gradients().get(i).asOutput(), context.variables().get(i).asOutput()));
    }
    return optimizer.applyGradients(pairs, context.network() + "_train");
  }

  /** A flat, per-network optimizer name: slot variables must not contain '/'. */
  static String name(OptimizerContext context, String optimizer) {
    return context.network() + "_" + optimizer;
  }
}
