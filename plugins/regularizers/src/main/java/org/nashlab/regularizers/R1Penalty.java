package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.nonNegative;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.tensorflow.op.Ops;

/**
 * The R1 penalty (Mescheder et al. 2018, eq. 9): {@code gamma / 2 E[||grad D(x)||^2]} on real data,
 * added to D's loss; with {@code on-fake} it is R2, the same on generated samples.
 */
@Doc("R1 (real) or R2 (fake) penalty, gamma / 2 ||grad D||^2 (Mescheder et al. 2018)")
public final class R1Penalty implements LossTerm {
  public record Params(
      @Doc("gamma, the penalty's weight") @Default("10.0") double gamma,
      @Doc("penalise at generated samples instead (R2)") @Default("false") boolean onFake) {
    public Params {
      nonNegative(gamma, "gamma");
    }
  }

  private final Params params;

  public R1Penalty(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    Ops tf = c.tf();
    var at = params.onFake() ? c.fake() : c.real();
    var logits = params.onFake() ? c.fakeLogits() : c.realLogits();
    var squared = Norms.squaredNorms(tf, c.gradients().of(logits, at));
    return Terms.discriminator(
        tf.math.mul(tf.constant((float) params.gamma() / 2), Norms.mean(tf, squared)));
  }
}
