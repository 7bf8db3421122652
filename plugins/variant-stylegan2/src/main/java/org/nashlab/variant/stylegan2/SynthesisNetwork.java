package org.nashlab.variant.stylegan2;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.nashlab.nn.Variables;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The synthesis network with skip connections (the paper's configuration E onwards, the authors'
 * {@code G_synthesis_stylegan2} with {@code architecture='skip'}): a learned constant 4 x 4 input
 * ({@code g_const}, N(0, 1)), then at 4 x 4 one layer and at each larger resolution two (the first
 * upsampling), each resolution's toRGB added to the FIR-upsampled image of the resolutions below.
 * Style {@code i} drives layer {@code i}; each toRGB reads the style of the next resolution's first
 * layer, as the authors index them.
 */
final class SynthesisNetwork implements Trainable {
  private final Ops tf;
  private final Architecture architecture;
  private final Variable<TFloat32> constant;
  private final List<SynthesisLayer> convs = new ArrayList<>();
  private final List<SynthesisLayer> toRgb = new ArrayList<>();
  private final Fir fir;
  private final Trainable parts;

  SynthesisNetwork(Ops tf, Architecture architecture, Seeds seeds) {
    this.tf = tf;
    this.architecture = architecture;
    this.fir = new Fir(tf);
    int latent = architecture.latentDim();
    long first = architecture.features(Architecture.FIRST_LEVEL);
    this.constant =
        Variables.create(tf, "g_const", Shape.of(1, 4, 4, first), Initializer.normal(1f), seeds);
    convs.add(SynthesisLayer.conv(tf, "g_4x4_conv", first, first, latent, false, seeds));
    toRgb.add(
        SynthesisLayer.toRgb(
            tf, "g_4x4_torgb", first, architecture.imageChannels(), latent, seeds));
    for (int level = Architecture.FIRST_LEVEL + 1; level <= architecture.level(); level++) {
      String name = "g_" + (1 << level) + "x" + (1 << level);
      long in = architecture.features(level - 1);
      long out = architecture.features(level);
      convs.add(SynthesisLayer.conv(tf, name + "_conv0", in, out, latent, true, seeds));
      convs.add(SynthesisLayer.conv(tf, name + "_conv1", out, out, latent, false, seeds));
      toRgb.add(
          SynthesisLayer.toRgb(
              tf, name + "_torgb", out, architecture.imageChannels(), latent, seeds));
    }
    List<Trainable> all = new ArrayList<>();
    all.add(() -> List.of(constant));
    for (int i = 0; i < convs.size(); i++) {
      all.add(convs.get(i));
      if (i % 2 == 0) {
        all.add(toRgb.get(i / 2));
      }
    }
    this.parts = Trainable.union(all);
  }

  /**
   * The image, {@code [N, side, side, channels]}, for per-layer styles {@code ws}, {@code [N,
   * styles, latent]}, and the noise images, one {@code [N, s, s, 1]} per convolution.
   */
  Operand<TFloat32> apply(Operand<TFloat32> ws, List<Operand<TFloat32>> noises) {
    List<Operand<TFloat32>> styles = styles(ws);
    Operand<TInt32> batch =
        tf.slice(tf.shape(ws), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TFloat32> x =
        tf.tile(
            constant, tf.concat(List.of(batch, tf.constant(new int[] {1, 1, 1})), tf.constant(0)));
    x = convs.get(0).apply(x, styles.get(0), noises.get(0));
    Operand<TFloat32> image = toRgb.get(0).apply(x, styles.get(1));
    for (int r = 1; r < toRgb.size(); r++) {
      int layer = 2 * r - 1;
      x = convs.get(layer).apply(x, styles.get(layer), noises.get(layer));
      x = convs.get(layer + 1).apply(x, styles.get(layer + 1), noises.get(layer + 1));
      image = tf.math.add(fir.upsample(image), toRgb.get(r).apply(x, styles.get(layer + 2)));
    }
    return image;
  }

  private List<Operand<TFloat32>> styles(Operand<TFloat32> ws) {
    List<Operand<TFloat32>> styles = new ArrayList<>();
    for (int i = 0; i < architecture.styles(); i++) {
      styles.add(
          tf.squeeze(
              tf.slice(ws, tf.constant(new int[] {0, i, 0}), tf.constant(new int[] {-1, 1, -1})),
              Squeeze.axis(List.of(1L))));
    }
    return styles;
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
