package org.nashlab.optimizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.positive;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.op.Op;

/** Adam (Kingma & Ba 2015); DCGAN's setting is lr 2e-4, beta1 0.5 (Radford et al. 2015). */
@Doc("Adam (Kingma & Ba 2015); DCGAN uses lr 2e-4, beta1 0.5")
public final class AdamOptimizer implements Optimizer {
  public record Params(
      @Doc("learning rate") @Default("2.0e-4") double lr,
      @Doc("decay of the first-moment estimate") @Default("0.5") double beta1,
      @Doc("decay of the second-moment estimate") @Default("0.999") double beta2,
      @Doc("added to the denominator for numerical stability") @Default("1.0e-8") double epsilon) {
    public Params {
      positive(lr, "lr");
      fraction(beta1, "beta1");
      fraction(beta2, "beta2");
      positive(epsilon, "epsilon");
    }
  }

  private final Params params;

  public AdamOptimizer(Params params) {
    this.params = params;
  }

  @Override
  public Op apply(OptimizerContext context) {
    Adam adam =
        new Adam(
            context.graph(),
            FrameworkOptimizers.name(context, "adam"),
            (float) params.lr(),
            (float) params.beta1(),
            (float) params.beta2(),
            (float) params.epsilon());
    return FrameworkOptimizers.apply(adam, context);
  }
}
