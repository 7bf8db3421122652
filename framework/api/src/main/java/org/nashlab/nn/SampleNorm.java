package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Normalisation by each sample's own moments over some axes, then a per-channel (last axis) scale
 * and shift: trainable {@code NAME_gamma} and {@code NAME_beta}. Needs no batch statistics, so
 * training and inference compute the same thing.
 */
abstract class SampleNorm implements Network {
  private static final float EPSILON = 1e-5f;
  private final Ops tf;
  private final Variable<TFloat32> gamma;
  private final Variable<TFloat32> beta;

  SampleNorm(Ops tf, String name, long channels) {
    this.tf = tf;
    this.gamma = Variables.filled(tf, name + "_gamma", Shape.of(channels), 1f);
    this.beta = Variables.filled(tf, name + "_beta", Shape.of(channels), 0f);
  }

  /** The axes of an input of shape {@code shape} the moments are taken over. */
  abstract int[] axes(Shape shape);

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    return Moments.of(tf, input, axes(input.shape())).normalise(tf, input, gamma, beta, EPSILON);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of(gamma, beta);
  }
}
