package org.nashlab.optimizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.positive;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.op.Op;

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum; Goodfellow et al. 2014 used it.
 */
@Doc("stochastic gradient descent with optional (Nesterov) momentum")
public final class SgdOptimizer implements Optimizer {
  public record Params(
      @Doc("learning rate") @Default("0.01") double lr,
      @Doc("momentum; 0 is plain gradient descent") @Default("0.0") double momentum,
      @Doc("Nesterov's accelerated momentum") @Default("false") boolean nesterov) {
    public Params {
      positive(lr, "lr");
      fraction(momentum, "momentum");
    }
  }

  private final Params params;

  public SgdOptimizer(Params params) {
    this.params = params;
  }

  @Override
  public Op apply(OptimizerContext context) {
    var optimizer =
        params.momentum() == 0 && !params.nesterov()
            ? new GradientDescent(
                context.graph(), FrameworkOptimizers.name(context, "sgd"), (float) params.lr())
            : new Momentum(
                context.graph(),
                FrameworkOptimizers.name(context, "momentum"),
                (float) params.lr(),
                (float) params.momentum(),
                params.nesterov());
    return FrameworkOptimizers.apply(optimizer, context);
  }
}
