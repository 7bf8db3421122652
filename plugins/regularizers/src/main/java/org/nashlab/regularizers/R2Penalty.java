package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.nonNegative;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;

/**
 * The R2 penalty (Mescheder et al. 2018): R1's {@code gamma / 2 E[||grad D||^2]} at G's samples.
 */
@Doc("R2 penalty, gamma / 2 ||grad D||^2 at generated samples (Mescheder et al. 2018)")
public final class R2Penalty implements LossTerm {
  public record Params(@Doc("gamma, the penalty's weight") @Default("10.0") double gamma) {
    public Params {
      nonNegative(gamma, "gamma");
    }
  }

  private final R1Penalty penalty;

  public R2Penalty(Params params) {
    this.penalty = new R1Penalty(params.gamma(), true);
  }

  @Override
  public Terms terms(PenaltyContext c) {
    return penalty.terms(c);
  }
}
