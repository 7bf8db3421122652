package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.fraction;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.PerSample;

/**
 * One-sided label smoothing (Salimans et al. 2016, section 3.4): D's target for real data is {@code
 * 1 - alpha} instead of 1. For the sigmoid cross-entropy losses ({@code minimax}, {@code
 * non-saturating}) this is exactly a term {@code alpha E[D(x)]} on the logits, since {@code -(1 -
 * a) log s(x) - a log(1 - s(x)) = -log s(x) + a x}; it has no meaning for the other losses.
 */
@Doc(
    "one-sided label smoothing, real target 1 - alpha, for the cross-entropy losses (Salimans et al. 2016)")
public final class LabelSmoothing implements LossTerm {
  public record Params(
      @Doc("alpha; the real target becomes 1 - alpha") @Default("0.1") double alpha) {
    public Params {
      fraction(alpha, "alpha");
    }
  }

  private final Params params;

  public LabelSmoothing(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    var tf = c.tf();
    return Terms.discriminator(
        tf.math.mul(tf.constant((float) params.alpha()), PerSample.batchMean(tf, c.realLogits())));
  }
}
