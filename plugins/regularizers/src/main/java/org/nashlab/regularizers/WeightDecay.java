package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.List;
import java.util.Optional;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Player;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * L2 weight decay as a loss term, {@code lambda sum w^2} over the weights ({@code *_w}: dense and
 * convolution kernels; not biases, norm scales or embeddings) of the chosen networks.
 */
@Doc("L2 penalty lambda * sum(w^2) on dense and conv kernels")
public final class WeightDecay implements LossTerm {
  public record Params(
      @Doc("lambda") @Default("1.0e-4") double weight,
      @Doc("discriminator, generator or both") @Default("discriminator") Player on) {
    public Params {
      nonNegative(weight, "weight");
    }
  }

  private final Params params;

  public WeightDecay(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    return new Terms(
        params.on().covers(Player.DISCRIMINATOR)
            ? Optional.of(decay(c.tf(), c.discriminatorVariables()))
            : Optional.empty(),
        params.on().covers(Player.GENERATOR)
            ? Optional.of(decay(c.tf(), c.generatorVariables()))
            : Optional.empty());
  }

  private Operand<TFloat32> decay(Ops tf, List<Variable<TFloat32>> variables) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Variable<TFloat32> v : variables) {
      if (v.op().name().endsWith("_w")) {
        int rank = v.shape().numDimensions();
        sum =
            tf.math.add(
                sum,
                tf.reduceSum(
                    tf.math.mul(v, v),
                    tf.constant(java.util.stream.IntStream.range(0, rank).toArray())));
      }
    }
    return tf.math.mul(tf.constant((float) params.weight()), sum);
  }
}
