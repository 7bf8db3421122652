package org.nashlab.variant.stylegan2;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.nashlab.nn.Variables;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One layer of the synthesis network: a modulated 3 x 3 convolution with demodulation, then the
 * noise input scaled by a learned per-layer strength ({@code NAME_noise_strength}, starting at 0,
 * as the authors' {@code noise_strength}), a bias and leaky ReLU; or a toRGB layer: a modulated 1 x
 * 1 convolution without demodulation and a bias. The weights' run-time scale {@code 1 /
 * sqrt(fan_in)} ({@link ModulatedConv}) is toRGB's only scale, as in the authors' TensorFlow code
 * (their PyTorch code puts it on the style instead).
 */
final class SynthesisLayer implements Trainable {
  private final Ops tf;
  private final ModulatedConv conv;
  private final Optional<Variable<TFloat32>> noiseStrength;
  private final Variable<TFloat32> bias;
  private final Lrelu activation;

  private SynthesisLayer(Ops tf, String name, ModulatedConv conv, boolean rgb, long out) {
    this.tf = tf;
    this.conv = conv;
    this.noiseStrength =
        rgb
            ? Optional.empty()
            : Optional.of(Variables.filled(tf, name + "_noise_strength", Shape.scalar(), 0f));
    this.bias = Variables.filled(tf, name + "_b", Shape.of(out), 0f);
    this.activation = rgb ? null : new Lrelu(tf);
  }

  /**
   * A 3 x 3 layer from {@code in} to {@code out} maps, upsampling its input first when {@code up}.
   */
  static SynthesisLayer conv(
      Ops tf, String name, long in, long out, int latentDim, boolean up, Seeds seeds) {
    return new SynthesisLayer(
        tf,
        name,
        new ModulatedConv(tf, name, Shape.of(3, 3, in, out), latentDim, true, up, seeds),
        false,
        out);
  }

  /** A toRGB layer from {@code in} maps to {@code channels}. */
  static SynthesisLayer toRgb(
      Ops tf, String name, long in, long channels, int latentDim, Seeds seeds) {
    return new SynthesisLayer(
        tf,
        name,
        new ModulatedConv(tf, name, Shape.of(1, 1, in, channels), latentDim, false, false, seeds),
        true,
        channels);
  }

  /**
   * The convolution layer on {@code x} with the styles of {@code w}, {@code [N, latent]}, and the
   * noise image {@code noise}, {@code [N, H', W', 1]} at the output's size.
   */
  Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TFloat32> w, Operand<TFloat32> noise) {
    Operand<TFloat32> y =
        tf.math.add(conv.apply(x, w), tf.math.mul(noise, noiseStrength.orElseThrow()));
    return activation.apply(tf.math.add(y, bias), Mode.TRAINING);
  }

  /** The toRGB layer on {@code x} with the styles of {@code w}. */
  Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TFloat32> w) {
    if (noiseStrength.isPresent()) {
      throw new IllegalStateException("a convolution layer needs its noise input");
    }
    return tf.math.add(conv.apply(x, w), bias);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return Stream.concat(
            conv.variables().stream(), Stream.concat(noiseStrength.stream(), Stream.of(bias)))
        .toList();
  }

  @Override
  public List<Op> updates() {
    return conv.updates();
  }
}
