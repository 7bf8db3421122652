package org.nashlab.variant.stylegan2;

import java.util.List;
import java.util.stream.Stream;
import org.nashlab.nn.Equalized;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.nashlab.nn.Variables;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A modulated, optionally demodulated convolution (the paper's equations 1 to 3, the authors'
 * {@code modulated_conv2d_layer}): an affine map of w gives a style {@code s} per input channel
 * (bias starting at 1), the weights are scaled per sample by it, {@code w'_ijk = s_i w_ijk}, and
 * with demodulation each output channel is divided by {@code sqrt(sum_ik w'_ijk^2 + 1e-8)}, which
 * returns unit-variance inputs to unit variance.
 *
 * <p>Computed as the authors' non-fused form ({@code fused_modconv=False}, which their PyTorch code
 * uses in training): the input scaled by {@code s}, one convolution with the shared weights, the
 * output scaled by the demodulation coefficients; the same function as a grouped convolution with
 * per-sample weights, which TensorFlow's CPU kernels lack. With {@code up}, the input is upsampled
 * by the FIR filter before the convolution; the authors apply a stride-2 transposed convolution and
 * then the filter, which differs from this only at the border (both are linear and shift invariant,
 * so they commute). The weight, {@code NAME_w}, is drawn from N(0, 1) and scaled at run time by
 * {@code 1 / sqrt(fan_in)} (equalized learning rate with gain 1) and read through {@link
 * WeightReads}, so spectral norm reaches it.
 */
final class ModulatedConv implements Trainable {
  private final Ops tf;
  private final Equalized affine;
  private final Variable<TFloat32> weight;
  private final WeightReads.Read read;
  private final float scale;
  private final boolean demodulate;
  private final boolean up;
  private final Fir fir;

  ModulatedConv(
      Ops tf,
      String name,
      Shape kernel,
      int latentDim,
      boolean demodulate,
      boolean up,
      Seeds seeds) {
    this.tf = tf;
    long in = kernel.get(2);
    this.affine =
        Equalized.dense(
            tf, name + "_mod", latentDim, Shape.of(in), 1, new Equalized.Weights(true, seeds));
    this.weight = Variables.create(tf, name + "_w", kernel, Initializer.normal(1f), seeds);
    this.read = WeightReads.read(tf, name, weight, 3);
    this.scale = (float) (1 / Math.sqrt(Initializer.fanIn(kernel)));
    this.demodulate = demodulate;
    this.up = up;
    this.fir = new Fir(tf);
  }

  /** The style of each sample, {@code [N, in]}: the affine map of w plus 1. */
  Operand<TFloat32> style(Operand<TFloat32> w) {
    return tf.math.add(affine.apply(w, Mode.TRAINING), tf.constant(1f));
  }

  /**
   * The layer on {@code x}, {@code [N, H, W, in]}, with the styles of {@code w}, {@code [N,
   * latent]}.
   */
  Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TFloat32> w) {
    Operand<TFloat32> s = style(w);
    Operand<TFloat32> modulated = tf.math.mul(x, perPixel(s));
    if (up) {
      modulated = fir.upsample(modulated);
    }
    Operand<TFloat32> kernel = tf.math.mul(read.value(), tf.constant(scale));
    Operand<TFloat32> y = tf.nn.conv2d(modulated, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
    if (!demodulate) {
      return y;
    }
    // sum_ik (s_i w_ijk)^2 = sum_i s_i^2 sum_k w_ijk^2: [N, in] x [in, out].
    Operand<TFloat32> squaredByChannel =
        tf.sum(tf.math.mul(kernel, kernel), tf.constant(new int[] {0, 1}), Sum.keepDims(false));
    Operand<TFloat32> coefficients =
        tf.math.rsqrt(
            tf.math.add(tf.linalg.matMul(tf.math.mul(s, s), squaredByChannel), tf.constant(1e-8f)));
    return tf.math.mul(y, perPixel(coefficients));
  }

  private Operand<TFloat32> perPixel(Operand<TFloat32> perChannel) {
    return tf.expandDims(tf.expandDims(perChannel, tf.constant(1)), tf.constant(1));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return Stream.concat(affine.variables().stream(), Stream.of(weight)).toList();
  }

  @Override
  public List<Op> updates() {
    return Stream.concat(affine.updates().stream(), read.updates().stream()).toList();
  }
}
