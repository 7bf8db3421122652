package org.nashlab.optimizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.positive;

import java.util.List;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.op.Op;

/**
 * RMSProp (Tieleman & Hinton 2012); WGAN trains its critic with it at lr 5e-5 (Arjovsky 2017). The
 * mean-square accumulator starts at zero, as in PyTorch and Keras.
 */
@Doc("RMSProp (Tieleman & Hinton 2012); WGAN uses lr 5e-5")
public final class RmsPropOptimizer implements Optimizer {
  public record Params(
      @Doc("learning rate") @Default("5.0e-5") double lr,
      @Doc("decay of the running mean of squared gradients") @Default("0.9") double decay,
      @Doc("momentum") @Default("0.0") double momentum,
      @Doc("added to the denominator for numerical stability") @Default("1.0e-10") double epsilon,
      @Doc("normalise by the gradient's estimated variance rather than its second moment")
          @Default("false")
          boolean centered,
      @Doc(
              "learning-rate schedule over the trial: constant, linear, half-then-linear (CycleGAN) or cosine decay")
          @Default("constant")
          Schedule schedule) {
    public Params {
      positive(lr, "lr");
      fraction(decay, "decay");
      fraction(momentum, "momentum");
      positive(epsilon, "epsilon");
    }
  }

  private final Params params;

  public RmsPropOptimizer(Params params) {
    this.params = params;
  }

  @Override
  public Op apply(OptimizerContext context) {
    return ScheduledUpdate.build(
        context,
        "rmsprop",
        params.schedule(),
        params.lr(),
        (tf, variable, gradient, rate, slot) -> {
          var decay = tf.constant((float) params.decay());
          var momentum = tf.constant((float) params.momentum());
          var epsilon = tf.constant((float) params.epsilon());
          var meanSquare = ScheduledUpdate.slot(tf, variable, slot + "_ms");
          var moment = ScheduledUpdate.slot(tf, variable, slot + "_mom");
          return params.centered()
              ? tf.train.applyCenteredRmsProp(
                  variable,
                  ScheduledUpdate.slot(tf, variable, slot + "_mg"),
                  meanSquare,
                  moment,
                  rate,
                  decay,
                  momentum,
                  epsilon,
                  gradient)
              : tf.train.applyRmsProp(
                  variable, meanSquare, moment, rate, decay, momentum, epsilon, gradient);
        },
        after -> List.of());
  }
}
