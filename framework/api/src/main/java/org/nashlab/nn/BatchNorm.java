package org.nashlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
 * the moving averages. Trainable {@code NAME_gamma} and {@code NAME_beta}; the averages are {@code
 * NAME_moving_mean} and {@code NAME_moving_variance}.
 *
 * <p>Built from means, products and rsqrt rather than TensorFlow's FusedBatchNorm, whose gradient
 * ({@code FusedBatchNormGradV3}) has no gradient of its own: this way a gradient penalty can
 * differentiate a critic with batch norm (docs/penalty-ops.md). In a graph declared {@link
 * FirstOrderGraphs first-order only} it uses the faster fused kernel, with the same values.
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
    if (FirstOrderGraphs.declared(tf.scope().env())) {
      return fused(input, mode);
    }
    if (mode == Mode.INFERENCE) {
      return new Moments(movingMean, movingVariance).normalise(tf, input, gamma, beta, epsilon);
    }
    int[] batchAxes = IntStream.range(0, input.shape().numDimensions() - 1).toArray();
    Moments batch = Moments.of(tf, input, batchAxes);
    Operand<TFloat32> mean = perChannel(batch.mean());
    // The moving variance averages the unbiased batch variance, n / (n - 1) times the biased one
    // that normalises, as FusedBatchNorm does (n values per channel).
    Operand<TFloat32> n =
        tf.math.div(tf.dtypes.cast(tf.size(input), TFloat32.class), tf.constant((float) channels));
    Operand<TFloat32> unbiased =
        tf.math.mul(perChannel(batch.variance()), tf.math.div(n, tf.math.sub(n, tf.constant(1f))));
    updates.add(tf.assign(movingMean, average(movingMean, mean)));
    updates.add(tf.assign(movingVariance, average(movingVariance, unbiased)));
    return batch.normalise(tf, input, gamma, beta, epsilon);
  }

  /** The same with TensorFlow's FusedBatchNormV3, whose gradient cannot be differentiated. */
  private Operand<TFloat32> fused(Operand<TFloat32> input, Mode mode) {
    boolean flat = input.shape().numDimensions() == 2;
    Operand<TFloat32> x =
        flat ? tf.reshape(input, tf.constant(new long[] {-1, 1, 1, channels})) : input;
    boolean training = mode == Mode.TRAINING;
    Operand<TFloat32> none = tf.constant(new float[0]);
    FusedBatchNorm<TFloat32, TFloat32> norm =
        tf.nn.fusedBatchNorm(
            x,
            gamma,
            beta,
            training ? none : movingMean,
            training ? none : movingVariance,
            FusedBatchNorm.epsilon(epsilon),
            FusedBatchNorm.isTraining(training));
    if (training) {
      updates.add(tf.assign(movingMean, average(movingMean, norm.batchMean())));
      updates.add(tf.assign(movingVariance, average(movingVariance, norm.batchVariance())));
    }
    return flat ? tf.reshape(norm.y(), tf.constant(new long[] {-1, channels})) : norm.y();
  }

  private Operand<TFloat32> perChannel(Operand<TFloat32> statistic) {
    return tf.reshape(statistic, tf.constant(new long[] {channels}));
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
