package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.nonNegative;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.InputTransform;
import org.nashlab.api.TransformContext;
import org.nashlab.nn.Noise;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Instance noise (Sønderby et al. 2017; Arjovsky & Bottou 2017): Gaussian noise added to every
 * sample D sees, real and generated, its standard deviation annealed linearly from {@code std} to
 * zero over the trial (or kept if {@code anneal} is false).
 */
@Doc("Gaussian instance noise on D's inputs, annealed to zero (Sønderby et al. 2017)")
public final class InstanceNoise implements InputTransform {
  public record Params(
      @Doc("standard deviation at the start") @Default("0.1") double std,
      @Doc("decay the std linearly to zero over the trial") @Default("true") boolean anneal) {
    public Params {
      nonNegative(std, "std");
    }
  }

  private final Params params;

  public InstanceNoise(Params params) {
    this.params = params;
  }

  @Override
  public Operand<TFloat32> transform(TransformContext c) {
    Ops tf = c.tf();
    Operand<TFloat32> std = tf.constant((float) params.std());
    if (params.anneal()) {
      std = tf.math.mul(std, tf.math.sub(tf.constant(1f), c.progress()));
    }
    return tf.math.add(
        c.batch(), tf.math.mul(std, Noise.normal(tf, tf.shape(c.batch()), c.name(), c.seeds())));
  }
}
