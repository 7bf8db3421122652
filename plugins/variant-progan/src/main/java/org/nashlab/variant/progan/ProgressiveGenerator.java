package org.nashlab.variant.progan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Activation;
import org.nashlab.nn.Equalized;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * ProGAN's generator in the authors' one-graph form ({@code G_paper}, {@code structure='linear'}):
 * the latent normalised by pixel norm (always, as the authors' {@code normalize_latents}), a dense
 * layer to 4 x 4 and a convolution, then per resolution an upsampling and two 3 x 3 convolutions,
 * each layer followed by a leaky ReLU (0.2) and, when on, pixel norm. Every resolution has its own
 * 1 x 1 {@code toRGB}; the image of resolution {@code 2^level} is {@code lerp_clip(toRGB(x),
 * upscale(previous image), lod - (finalLevel - level))}, so the output is always full size, copied
 * up from the resolution the fed level of detail selects, and during a fade the convex combination
 * of the new block's image and the previous one's.
 */
final class ProgressiveGenerator implements Network {
  private final Architecture architecture;
  private final LevelOfDetail lod;
  private final Network activation;
  private final PixelNorm pixelNorm;

  /** Per level from 2: the block's layers. */
  private final List<List<Equalized>> blocks = new ArrayList<>();

  /** Per level from 2: the block's 1 x 1 convolution to an image. */
  private final List<Equalized> toRgb = new ArrayList<>();

  private final Trainable parts;

  ProgressiveGenerator(Ops tf, Architecture architecture, LevelOfDetail lod, Seeds seeds) {
    this.architecture = architecture;
    this.lod = lod;
    this.activation = Activation.leakyRelu(tf, 0.2f);
    this.pixelNorm = new PixelNorm(tf);
    Equalized.Weights weights = new Equalized.Weights(architecture.equalized(), seeds);
    long first = architecture.features(1);
    blocks.add(
        List.of(
            // The authors' gain: sqrt(2) / 4 for the dense layer that makes the 4 x 4 maps.
            Equalized.dense(
                tf,
                "g_4x4_dense",
                architecture.latentDim(),
                Shape.of(4, 4, first),
                Equalized.RELU_GAIN / 4,
                weights),
            Equalized.conv(tf, "g_4x4_conv", first, first, 3, Equalized.RELU_GAIN, weights)));
    for (int level = Architecture.FIRST_LEVEL + 1; level <= architecture.finalLevel(); level++) {
      String name = "g_" + (1 << level) + "x" + (1 << level);
      long in = architecture.features(level - 2);
      long out = architecture.features(level - 1);
      blocks.add(
          List.of(
              Equalized.conv(tf, name + "_conv0", in, out, 3, Equalized.RELU_GAIN, weights),
              Equalized.conv(tf, name + "_conv1", out, out, 3, Equalized.RELU_GAIN, weights)));
    }
    for (int level = Architecture.FIRST_LEVEL; level <= architecture.finalLevel(); level++) {
      toRgb.add(
          Equalized.conv(
              tf,
              "g_torgb" + (1 << level),
              architecture.features(level - 1),
              architecture.channels(),
              1,
              1,
              weights));
    }
    List<Network> all = new ArrayList<>(toRgb);
    blocks.forEach(all::addAll);
    this.parts = Trainable.union(all);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> latent, Mode mode) {
    Operand<TFloat32> x = pixelNorm.apply(latent, mode);
    Operand<TFloat32> image = null;
    for (int i = 0; i < blocks.size(); i++) {
      if (i > 0) {
        x = lod.upscale(x, 2);
      }
      for (Equalized layer : blocks.get(i)) {
        x = features(layer.apply(x, mode), mode);
      }
      Operand<TFloat32> rgb = toRgb.get(i).apply(x, mode);
      image =
          i == 0
              ? rgb
              : lod.lerpClip(
                  rgb,
                  lod.upscale(image, 2),
                  architecture.finalLevel() - (Architecture.FIRST_LEVEL + i));
    }
    return image;
  }

  private Operand<TFloat32> features(Operand<TFloat32> y, Mode mode) {
    Operand<TFloat32> activated = activation.apply(y, mode);
    return architecture.pixelNorm() ? pixelNorm.apply(activated, mode) : activated;
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
