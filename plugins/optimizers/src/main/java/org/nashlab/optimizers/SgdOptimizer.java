package org.nashlab.optimizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.positive;

import java.util.List;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.op.Op;
import org.tensorflow.op.train.ApplyMomentum;

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum; Goodfellow et al. 2014 used it.
 */
@Doc("stochastic gradient descent with optional (Nesterov) momentum")
public final class SgdOptimizer implements Optimizer {
  public record Params(
      @Doc("learning rate") @Default("0.01") double lr,
      @Doc("momentum; 0 is plain gradient descent") @Default("0.0") double momentum,
      @Doc("Nesterov's accelerated momentum") @Default("false") boolean nesterov,
      @Doc(
              "learning-rate schedule over the trial: constant, linear, half-then-linear (CycleGAN) or cosine decay")
          @Default("constant")
          Schedule schedule) {
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
    boolean plain = params.momentum() == 0 && !params.nesterov();
    return ScheduledUpdate.build(
        context,
        plain ? "sgd" : "momentum",
        params.schedule(),
        params.lr(),
        (tf, variable, gradient, rate, slot) ->
            plain
                ? tf.train.applyGradientDescent(variable, rate, gradient)
                : tf.train.applyMomentum(
                    variable,
                    ScheduledUpdate.slot(tf, variable, slot + "_momentum"),
                    rate,
                    gradient,
                    tf.constant((float) params.momentum()),
                    ApplyMomentum.useNesterov(params.nesterov())),
        after -> List.of());
  }
}
