package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.nonNegative;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.Noise;
import org.nashlab.nn.PerSample;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * WGAN-GP's gradient penalty (Gulrajani et al. 2017, eq. 3): {@code lambda E[(||grad D(x^)|| -
 * 1)^2]} at random interpolates {@code x^ = e x + (1 - e) G(z)}, e ~ U[0, 1] per sample; the
 * one-sided form penalises only norms above 1. Added to D's loss. The critic must be twice
 * differentiable in TF Java: every layer of the toolkit is (docs/penalty-ops.md); batch norm
 * couples the samples' penalties, which is why the paper's critic has none.
 */
@Doc("gradient penalty at interpolates, lambda (||grad D|| - 1)^2 (Gulrajani et al. 2017)")
public final class GradientPenalty implements LossTerm {
  public record Params(
      @Doc("lambda, the penalty's weight") @Default("10.0") double weight,
      @Doc("penalise only gradient norms above 1") @Default("false") boolean oneSided) {
    public Params {
      nonNegative(weight, "weight");
    }
  }

  private final Params params;

  public GradientPenalty(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    Ops tf = c.tf();
    Operand<TFloat32> e =
        Noise.uniform(tf, PerSample.scalarShape(tf, c.real()), "gp_interpolation", c.seeds());
    Operand<TFloat32> interpolates =
        tf.math.add(
            tf.math.mul(e, c.real()), tf.math.mul(tf.math.sub(tf.constant(1f), e), c.fake()));
    return Terms.discriminator(at(c, interpolates, params.weight(), params.oneSided()));
  }

  /**
   * {@code weight E[(||grad D(x)|| - 1)^2]} over the samples {@code x} of {@code points}; only
   * norms above 1 count when {@code oneSided}.
   */
  static Operand<TFloat32> at(
      PenaltyContext c, Operand<TFloat32> points, double weight, boolean oneSided) {
    Ops tf = c.tf();
    Operand<TFloat32> gap =
        tf.math.sub(
            PerSample.norms(tf, c.gradients().of(c.critic().apply(points), points)),
            tf.constant(1f));
    if (oneSided) {
      gap = tf.nn.relu(gap);
    }
    return tf.math.mul(tf.constant((float) weight), PerSample.batchMean(tf, tf.math.mul(gap, gap)));
  }
}
