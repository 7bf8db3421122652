package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nashlab.api.AveragingContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Player;
import org.nashlab.api.WeightAveraging;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An exponential moving average of the generator's weights (Yazici et al. 2019): after each G
 * update, {@code s = beta s + (1 - beta) w}; the first update, and every one before {@code start},
 * copies the weights. Nash samples and evaluates with the averaged weights. The shadows are
 * variables ({@code NAME_ema}), saved in checkpoints. Batch-norm moving statistics are not
 * averaged: they stay those of the trained weights.
 */
@Doc("EMA of G's weights for sampling and evaluation (Yazici et al. 2019)")
public final class GeneratorAverage implements WeightAveraging {
  public record Params(
      @Doc("beta, the decay per G update") @Default("0.999") double decay,
      @Doc("G updates before averaging starts; until then the average equals the weights")
          @Default("0")
          long start) {
    public Params {
      fraction(decay, "decay");
      nonNegative(start, "start");
    }
  }

  private final Params params;

  public GeneratorAverage(Params params) {
    this.params = params;
  }

  @Override
  public Optional<Shadows> average(AveragingContext c) {
    if (c.network() != Player.GENERATOR) {
      return Optional.empty();
    }
    Ops tf = c.tf();
    Ops after = c.afterUpdate();
    Variable<TFloat32> updates = tf.withName("g_ema_updates").variable(tf.constant(0f));
    Operand<TFloat32> started =
        tf.dtypes.cast(
            tf.math.greaterEqual(updates, tf.constant((float) Math.max(1, params.start()))),
            TFloat32.class);
    Operand<TFloat32> decay = tf.math.mul(started, tf.constant((float) params.decay()));
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), decay);
    // Every op that reads a weight is built with `after`: a read not ordered after the update
    // could see the weights before it.
    List<Variable<TFloat32>> shadows = new ArrayList<>();
    List<Op> assigns = new ArrayList<>();
    for (Variable<TFloat32> weight : c.variables()) {
      Variable<TFloat32> shadow =
          tf.withName(weight.op().name() + "_ema")
              .variable(tf.zeros(tf.constant(weight.shape()), TFloat32.class));
      shadows.add(shadow);
      assigns.add(
          after.assign(
              shadow, after.math.add(after.math.mul(decay, shadow), after.math.mul(keep, weight))));
    }
    Op counted = after.withControlDependencies(assigns).assignAdd(updates, tf.constant(1f));
    return Optional.of(new Shadows(shadows, List.of(counted)));
  }
}
