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
 * DRAGAN (Kodali et al. 2017): the gradient penalty {@code lambda E[(||grad D(x^)|| - 1)^2]} in a
 * neighbourhood of the real data rather than between real and generated samples, as in the authors'
 * code: {@code x^ = x + a * c * std(x) * u}, with {@code u ~ U[0, 1]} per element, {@code a ~ U[0,
 * 1]} per sample and {@code std(x)} the standard deviation of the real batch. Added to D's loss.
 */
@Doc("DRAGAN: gradient penalty around the real data (Kodali et al. 2017)")
public final class Dragan implements LossTerm {
  public record Params(
      @Doc("lambda, the penalty's weight") @Default("10.0") double weight,
      @Doc("c, the perturbation's size in standard deviations of the real batch") @Default("0.5")
          double perturbation) {
    public Params {
      nonNegative(weight, "weight");
      nonNegative(perturbation, "perturbation");
    }
  }

  private final Params params;

  public Dragan(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    Ops tf = c.tf();
    Operand<TFloat32> real = c.real();
    Operand<TFloat32> centred = tf.math.sub(real, PerSample.batchMean(tf, real));
    Operand<TFloat32> std = tf.math.sqrt(PerSample.batchMean(tf, tf.math.mul(centred, centred)));
    Operand<TFloat32> noise = Noise.uniform(tf, tf.shape(real), "dragan_noise", c.seeds());
    Operand<TFloat32> share =
        Noise.uniform(tf, PerSample.scalarShape(tf, real), "dragan_share", c.seeds());
    Operand<TFloat32> step =
        tf.math.mul(
            tf.math.mul(share, noise),
            tf.math.mul(tf.constant((float) params.perturbation()), std));
    Operand<TFloat32> points = tf.stopGradient(tf.math.add(real, step));
    return Terms.discriminator(GradientPenalty.at(c, points, params.weight(), false));
  }
}
