package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.nonNegative;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.PerSample;
import org.tensorflow.op.Ops;

/**
 * The R1 penalty (Mescheder et al. 2018, eq. 9): {@code gamma / 2 E[||grad D(x)||^2]} on real data,
 * added to D's loss. {@link R2Penalty} is the same at generated samples.
 */
@Doc("R1 penalty, gamma / 2 ||grad D||^2 on real data (Mescheder et al. 2018)")
public final class R1Penalty implements LossTerm {
  public record Params(@Doc("gamma, the penalty's weight") @Default("10.0") double gamma) {
    public Params {
      nonNegative(gamma, "gamma");
    }
  }

  private final double gamma;
  private final boolean atGenerated;

  public R1Penalty(Params params) {
    this(params.gamma(), false);
  }

  /** The penalty at real samples, or at generated ones for R2. */
  R1Penalty(double gamma, boolean atGenerated) {
    this.gamma = gamma;
    this.atGenerated = atGenerated;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    Ops tf = c.tf();
    var at = atGenerated ? c.fake() : c.real();
    var logits = atGenerated ? c.fakeLogits() : c.realLogits();
    var squared = PerSample.squaredNorms(tf, c.gradients().of(logits, at));
    return Terms.discriminator(
        tf.math.mul(tf.constant((float) gamma / 2), PerSample.batchMean(tf, squared)));
  }
}
