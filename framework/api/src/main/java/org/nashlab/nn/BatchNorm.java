package org.nashlab.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over the last axis of NHWC images or of {@code [N,
 * C]} features. Training normalises with the batch's statistics and adds updates of the moving
 * averages ({@code m = momentum m + (1 - momentum) batch}) to {@link #updates()}; inference uses
 * the moving averages. Trainable {@code NAME_gamma} and {@code NAME_beta}.
 */
public final class BatchNorm implements Network {
  private final Ops tf;
  private final Variable<TFloat32> gamma;
  private final Variable<TFloat32> beta;
  private final Variable<TFloat32> movingMean;
  private final Variable<TFloat32> movingVariance;
  private final long channels;
  private final float momentum;
  private final float epsilon;
  private final List<Op> updates = new ArrayList<>();

  /** DCGAN's settings: momentum 0.9, epsilon 1e-5. */
  public BatchNorm(Ops tf, String name, long channels) {
    this(tf, name, channels, 0.9f, 1e-5f);
  }

  public BatchNorm(Ops tf, String name, long channels, float momentum, float epsilon) {
    this.tf = tf;
    this.channels = channels;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.gamma = Variables.filled(tf, name + "_gamma", Shape.of(channels), 1f);
    this.beta = Variables.filled(tf, name + "_beta", Shape.of(channels), 0f);
    this.movingMean = Variables.filled(tf, name + "_moving_mean", Shape.of(channels), 0f);
    this.movingVariance = Variables.filled(tf, name + "_moving_variance", Shape.of(channels), 1f);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    boolean flat = input.shape().numDimensions() == 2;
    Operand<TFloat32> x =
        flat ? tf.reshape(input, tf.constant(new long[] {-1, 1, 1, channels})) : input;
    Operand<TFloat32> y;
    if (mode == Mode.TRAINING) {
      Operand<TFloat32> none = tf.constant(new float[0]);
      FusedBatchNorm<TFloat32, TFloat32> norm =
          tf.nn.fusedBatchNorm(
              x,
              gamma,
              beta,
              none,
              none,
              FusedBatchNorm.epsilon(epsilon),
              FusedBatchNorm.isTraining(true));
      updates.add(tf.assign(movingMean, average(movingMean, norm.batchMean())));
      updates.add(tf.assign(movingVariance, average(movingVariance, norm.batchVariance())));
      y = norm.y();
    } else {
      y =
          tf.nn
              .fusedBatchNorm(
                  x,
                  gamma,
                  beta,
                  movingMean,
                  movingVariance,
                  FusedBatchNorm.epsilon(epsilon),
                  FusedBatchNorm.isTraining(false))
              .y();
    }
    return flat ? tf.reshape(y, tf.constant(new long[] {-1, channels})) : y;
  }

  private Operand<TFloat32> average(Operand<TFloat32> moving, Operand<TFloat32> batch) {
    return tf.math.add(
        tf.math.mul(moving, tf.constant(momentum)), tf.math.mul(batch, tf.constant(1 - momentum)));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of(gamma, beta);
  }

  @Override
  public List<Op> updates() {
    return List.copyOf(updates);
  }
}
