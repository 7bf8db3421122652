package org.nashlab.losses;

import static org.nashlab.losses.CrossEntropy.mean;

import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Least-squares GAN (Mao et al. 2017, eq. 2): D minimises {@code 1/2 E[(D(x) - b)^2] + 1/2
 * E[(D(G(z)) - a)^2]}, G minimises {@code 1/2 E[(D(G(z)) - c)^2]}, on D's raw outputs. The paper's
 * two codings: a = 0, b = c = 1 (the default) and a = -1, b = 1, c = 0.
 */
@Doc("least-squares loss with targets a (fake), b (real), c (G's aim) (Mao et al. 2017)")
public final class LeastSquaresLoss implements Loss {
  public record Params(
      @Doc("D's target for generated samples") @Default("0.0") double a,
      @Doc("D's target for real samples") @Default("1.0") double b,
      @Doc("the value G wants D to give its samples") @Default("1.0") double c) {}

  private final Params params;

  public LeastSquaresLoss(Params params) {
    this.params = params;
  }

  @Override
  public AdversarialLosses build(LossContext c) {
    Ops tf = c.tf();
    var half = tf.constant(0.5f);
    var d =
        tf.math.mul(
            half,
            tf.math.add(
                meanSquaredDistance(tf, c.realLogits(), params.b()),
                meanSquaredDistance(tf, c.fakeLogits(), params.a())));
    var g = tf.math.mul(half, meanSquaredDistance(tf, c.fakeLogits(), params.c()));
    return new AdversarialLosses(d, g);
  }

  /**
   * {@code E[(x - target)^2]}, with Mul rather than Square (Square's gradient crashes TF Java 1.1).
   */
  private static Operand<TFloat32> meanSquaredDistance(Ops tf, Operand<TFloat32> x, double target) {
    Operand<TFloat32> d = tf.math.sub(x, tf.constant((float) target));
    return mean(tf, tf.math.mul(d, d));
  }
}
