package org.nashlab.variant.progan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Activation;
import org.nashlab.nn.Equalized;
import org.nashlab.nn.MinibatchStddev;
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
 * ProGAN's discriminator in the authors' one-graph form ({@code D_paper}, {@code
 * structure='linear'}), the generator's mirror: a 1 x 1 {@code fromRGB} at full size, then per
 * resolution two 3 x 3 convolutions, the second averaged over 2 x 2 before its activation (the
 * authors' default {@code fused_scale}, {@code conv2d_downscale2d}), blended by {@code lerp_clip}
 * with the {@code fromRGB} of the image averaged down to the next resolution; the last block at 4 x
 * 4 adds the minibatch standard deviation (when on), a convolution and two dense layers to one
 * score. Leaky ReLU (0.2) after every layer but the last.
 */
final class ProgressiveCritic implements Network {
  private final Architecture architecture;
  private final LevelOfDetail lod;
  private final Network activation;

  /** Per level from 2: fromRGB. */
  private final List<Equalized> fromRgb = new ArrayList<>();

  /** Per level from 3: the block's two convolutions. */
  private final List<List<Equalized>> blocks = new ArrayList<>();

  private final List<Network> last = new ArrayList<>();
  private final Trainable parts;

  ProgressiveCritic(Ops tf, Architecture architecture, LevelOfDetail lod, Seeds seeds) {
    this.architecture = architecture;
    this.lod = lod;
    this.activation = Activation.leakyRelu(tf, 0.2f);
    Equalized.Weights weights = new Equalized.Weights(architecture.equalized(), seeds);
    for (int level = Architecture.FIRST_LEVEL; level <= architecture.finalLevel(); level++) {
      fromRgb.add(
          Equalized.conv(
              tf,
              "d_fromrgb" + (1 << level),
              architecture.channels(),
              architecture.features(level - 1),
              1,
              Equalized.RELU_GAIN,
              weights));
    }
    for (int level = Architecture.FIRST_LEVEL + 1; level <= architecture.finalLevel(); level++) {
      String name = "d_" + (1 << level) + "x" + (1 << level);
      long in = architecture.features(level - 1);
      long out = architecture.features(level - 2);
      blocks.add(
          List.of(
              Equalized.conv(tf, name + "_conv0", in, in, 3, Equalized.RELU_GAIN, weights),
              Equalized.conv(tf, name + "_conv1", in, out, 3, Equalized.RELU_GAIN, weights)));
    }
    long first = architecture.features(1);
    long stddev = 0;
    if (architecture.stddevGroup() > 0) {
      last.add(new MinibatchStddev(tf, architecture.stddevGroup()));
      stddev = 1;
    }
    last.add(
        Equalized.conv(tf, "d_4x4_conv", first + stddev, first, 3, Equalized.RELU_GAIN, weights));
    last.add(activation);
    last.add(
        Equalized.dense(
            tf,
            "d_4x4_dense",
            16 * first,
            Shape.of(architecture.features(0)),
            Equalized.RELU_GAIN,
            weights));
    last.add(activation);
    last.add(Equalized.dense(tf, "d_4x4_out", architecture.features(0), Shape.of(1), 1, weights));
    List<Network> all = new ArrayList<>(fromRgb);
    blocks.forEach(all::addAll);
    all.addAll(last);
    this.parts = Trainable.union(all);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> images, Mode mode) {
    int top = architecture.finalLevel() - Architecture.FIRST_LEVEL;
    Operand<TFloat32> image = images;
    Operand<TFloat32> x = activation.apply(fromRgb.get(top).apply(image, mode), mode);
    for (int i = top; i > 0; i--) {
      List<Equalized> block = blocks.get(i - 1);
      x = activation.apply(block.get(0).apply(x, mode), mode);
      // The bias is per channel, so averaging after it is averaging before it.
      x = activation.apply(lod.downscale(block.get(1).apply(x, mode), 2), mode);
      image = lod.downscale(image, 2);
      Operand<TFloat32> y = activation.apply(fromRgb.get(i - 1).apply(image, mode), mode);
      x = lod.lerpClip(x, y, top - i);
    }
    for (Network layer : last) {
      x = layer.apply(x, mode);
    }
    return x;
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
