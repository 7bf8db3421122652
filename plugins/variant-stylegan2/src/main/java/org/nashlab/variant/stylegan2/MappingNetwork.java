package org.nashlab.variant.stylegan2;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Equalized;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.nashlab.nn.Variables;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * The mapping network {@code f: z -> w} (the authors' {@code G_mapping}): z normalised to mean
 * square 1, then dense layers of the latent's width with leaky ReLU and a learning-rate multiplier
 * (0.01 in the paper) on the equalized learning rate. It keeps the running average of w, {@code
 * g_w_avg}, that truncation pulls samples towards: a variable, so checkpoints save it, updated as
 * the authors do with decay {@code beta} per training batch and never averaged by EMA (Nash's
 * {@code ema} averages trainable weights; the authors copy non-trainables into {@code Gs}).
 */
final class MappingNetwork implements Network {
  private final Ops tf;
  private final List<Network> layers = new ArrayList<>();
  private final Variable<TFloat32> average;
  private final Trainable parts;

  MappingNetwork(Ops tf, Architecture architecture, float learningRate, Seeds seeds) {
    this.tf = tf;
    int dim = architecture.latentDim();
    Equalized.Weights weights = new Equalized.Weights(true, learningRate, seeds);
    for (int i = 0; i < architecture.mappingLayers(); i++) {
      layers.add(Equalized.dense(tf, "g_mapping" + i, dim, Shape.of(dim), 1, weights));
      layers.add(new Lrelu(tf));
    }
    this.average = Variables.filled(tf, "g_w_avg", Shape.of(dim), 0f);
    this.parts = Trainable.union(layers);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> z, Mode mode) {
    Operand<TFloat32> meanSquare =
        tf.math.mean(tf.math.mul(z, z), tf.constant(1), Mean.keepDims(true));
    Operand<TFloat32> x =
        tf.math.mul(z, tf.math.rsqrt(tf.math.add(meanSquare, tf.constant(1e-8f))));
    for (Network layer : layers) {
      x = layer.apply(x, mode);
    }
    return x;
  }

  /** The running average of w, {@code [latent]}. */
  Operand<TFloat32> average() {
    return average;
  }

  /**
   * {@code avg = mean(w) + beta (avg - mean(w))} over a training batch's w, {@code [N, latent]}, as
   * the authors' {@code dlatent_avg} update.
   */
  Op updateAverage(Operand<TFloat32> w, float beta) {
    Operand<TFloat32> batchMean = tf.math.mean(tf.stopGradient(w), tf.constant(0));
    return tf.assign(
        average,
        tf.math.add(batchMean, tf.math.mul(tf.constant(beta), tf.math.sub(average, batchMean))));
  }

  /** {@code avg + psi (w - avg)}: the truncation trick, {@code psi} broadcast against {@code w}. */
  Operand<TFloat32> truncate(Operand<TFloat32> w, Operand<TFloat32> psi) {
    return tf.math.add(average, tf.math.mul(psi, tf.math.sub(w, average)));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return parts.variables();
  }

  @Override
  public List<Op> updates() {
    return parts.updates();
  }
}
