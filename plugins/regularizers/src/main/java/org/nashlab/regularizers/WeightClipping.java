package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.positive;

import java.util.List;
import org.nashlab.api.ConstraintContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Player;
import org.nashlab.api.WeightConstraint;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * WGAN's weight clipping (Arjovsky et al. 2017, Algorithm 1): every weight into [-c, c] after each
 * update.
 */
@Doc("clip every weight into [-clip, clip] after each update (Arjovsky et al. 2017)")
public final class WeightClipping implements WeightConstraint {
  public record Params(
      @Doc("c, the bound") @Default("0.01") double clip,
      @Doc("discriminator, generator or both") @Default("discriminator") Player on) {
    public Params {
      positive(clip, "clip");
    }
  }

  private final Params params;

  public WeightClipping(Params params) {
    this.params = params;
  }

  @Override
  public List<Op> constrain(ConstraintContext c) {
    if (!params.on().covers(c.network())) {
      return List.of();
    }
    Ops tf = c.tf();
    var low = tf.constant((float) -params.clip());
    var high = tf.constant((float) params.clip());
    return c.variables().stream().<Op>map(v -> tf.assign(v, tf.clipByValue(v, low, high))).toList();
  }
}
