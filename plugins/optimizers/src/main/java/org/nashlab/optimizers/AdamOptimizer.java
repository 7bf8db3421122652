package org.nashlab.optimizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.positive;

import java.util.List;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma & Ba 2015, Algorithm 1); DCGAN's setting is lr 2e-4, beta1 0.5 (Radford et al.
 * 2015).
 *
 * <p>Built on the {@code ApplyAdam} op rather than tensorflow-framework's {@code Adam}: that one
 * advances {@code beta1_power} and {@code beta2_power} without ordering them after the updates that
 * read them, so the bias correction can use step t+1 (its first step measured 0.94 lr instead of
 * lr) and runs are not reproducible.
 */
@Doc("Adam (Kingma & Ba 2015); DCGAN uses lr 2e-4, beta1 0.5")
public final class AdamOptimizer implements Optimizer {
  public record Params(
      @Doc("learning rate") @Default("2.0e-4") double lr,
      @Doc("decay of the first-moment estimate") @Default("0.5") double beta1,
      @Doc("decay of the second-moment estimate") @Default("0.999") double beta2,
      @Doc("added to the denominator for numerical stability") @Default("1.0e-8") double epsilon,
      @Doc("learning-rate schedule over the trial: constant, linear or cosine decay")
          @Default("constant")
          Schedule schedule) {
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
    Ops tf = Ops.create(context.graph());
    String name = context.network() + "_adam";
    float beta1 = (float) params.beta1();
    float beta2 = (float) params.beta2();
    Variable<TFloat32> beta1Power = tf.withName(name + "_beta1_power").variable(tf.constant(beta1));
    Variable<TFloat32> beta2Power = tf.withName(name + "_beta2_power").variable(tf.constant(beta2));
    return ScheduledUpdate.build(
        context,
        "adam",
        params.schedule(),
        params.lr(),
        (t, variable, gradient, rate, slot) ->
            t.train.applyAdam(
                variable,
                ScheduledUpdate.slot(t, variable, slot + "_m"),
                ScheduledUpdate.slot(t, variable, slot + "_v"),
                beta1Power,
                beta2Power,
                rate,
                t.constant(beta1),
                t.constant(beta2),
                t.constant((float) params.epsilon()),
                gradient),
        after ->
            List.of(
                after.assign(beta1Power, after.math.mul(beta1Power, tf.constant(beta1))),
                after.assign(beta2Power, after.math.mul(beta2Power, tf.constant(beta2)))));
  }
}
