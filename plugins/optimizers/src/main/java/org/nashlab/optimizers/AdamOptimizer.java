package org.nashlab.optimizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.positive;

import java.util.List;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.Operand;
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
      @Doc("AMSGrad: divide by the largest second-moment estimate so far (Reddi et al. 2018)")
          @Default("false")
          boolean amsgrad,
      @Doc(
              "learning-rate schedule over the trial: constant, linear, half-then-linear (CycleGAN) or cosine decay")
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
            params.amsgrad()
                ? amsgrad(t, variable, gradient, rate, slot, beta1Power, beta2Power)
                : t.train.applyAdam(
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

  /**
   * One AMSGrad step (Reddi et al. 2018, Algorithm 2, with Adam's bias correction as in Keras and
   * PyTorch): {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, {@code vmax =
   * max(vmax, v)}, {@code w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(vmax) + eps)}. Each slot is
   * read through the output of its own assignment, so the step sees this step's values.
   */
  private Op amsgrad(
      Ops tf,
      Variable<TFloat32> variable,
      Operand<TFloat32> gradient,
      Operand<TFloat32> rate,
      String slot,
      Operand<TFloat32> beta1Power,
      Operand<TFloat32> beta2Power) {
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> beta1 = tf.constant((float) params.beta1());
    Operand<TFloat32> beta2 = tf.constant((float) params.beta2());
    Variable<TFloat32> m = ScheduledUpdate.slot(tf, variable, slot + "_m");
    Variable<TFloat32> v = ScheduledUpdate.slot(tf, variable, slot + "_v");
    Variable<TFloat32> vMax = ScheduledUpdate.slot(tf, variable, slot + "_vmax");
    Operand<TFloat32> mNew =
        tf.assign(
            m, tf.math.add(tf.math.mul(beta1, m), tf.math.mul(tf.math.sub(one, beta1), gradient)));
    Operand<TFloat32> vNew =
        tf.assign(
            v,
            tf.math.add(
                tf.math.mul(beta2, v),
                tf.math.mul(tf.math.sub(one, beta2), tf.math.mul(gradient, gradient))));
    Operand<TFloat32> vMaxNew = tf.assign(vMax, tf.math.maximum(vMax, vNew));
    Operand<TFloat32> corrected =
        tf.math.div(
            tf.math.mul(rate, tf.math.sqrt(tf.math.sub(one, beta2Power))),
            tf.math.sub(one, beta1Power));
    Operand<TFloat32> step =
        tf.math.div(
            tf.math.mul(corrected, mNew),
            tf.math.add(tf.math.sqrt(vMaxNew), tf.constant((float) params.epsilon())));
    return tf.assignSub(variable, step);
  }
}
