package org.nashlab.variant.stylegan2;

import java.util.ArrayList;
import java.util.List;
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
 * The residual discriminator (the paper's configuration E onwards, the authors' {@code D_stylegan2}
 * with {@code architecture='resnet'}): a 1 x 1 fromRGB at full size, then per resolution down to 8
 * x 8 a block of two 3 x 3 convolutions, the second blurred by the FIR filter and strided by 2,
 * beside a shortcut downsampled by the filter and projected by a 1 x 1 convolution without bias,
 * the two summed with gain {@code sqrt(1/2)}; at 4 x 4 the minibatch standard deviation (groups of
 * {@code stddev-group}, one feature), a 3 x 3 convolution, a dense layer and the score. Leaky ReLU
 * with gain {@code sqrt(2)} after every layer but the shortcut and the score; every weight has the
 * equalized learning rate with gain 1.
 */
final class ResidualCritic implements Network {
  private static final float HALF = (float) Math.sqrt(0.5);

  private final Ops tf;
  private final Fir fir;
  private final Equalized fromRgb;
  private final List<Block> blocks = new ArrayList<>();
  private final List<Network> epilogue = new ArrayList<>();
  private final Lrelu activation;
  private final Lrelu residualActivation;
  private final Trainable parts;

  /** One resolution's convolutions and shortcut. */
  private record Block(Equalized conv0, Equalized conv1, Equalized skip) {}

  ResidualCritic(Ops tf, Architecture architecture, Seeds seeds) {
    this.tf = tf;
    this.fir = new Fir(tf);
    this.activation = new Lrelu(tf);
    this.residualActivation = new Lrelu(tf, HALF);
    Equalized.Weights weights = new Equalized.Weights(true, seeds);
    int top = architecture.level();
    this.fromRgb =
        Equalized.conv(
            tf,
            "d_fromrgb",
            architecture.imageChannels(),
            architecture.features(top),
            1,
            1,
            weights);
    List<Network> all = new ArrayList<>(List.of(fromRgb));
    for (int level = top; level > Architecture.FIRST_LEVEL; level--) {
      String name = "d_" + (1 << level) + "x" + (1 << level);
      long in = architecture.features(level);
      long out = architecture.features(level - 1);
      Block block =
          new Block(
              Equalized.conv(tf, name + "_conv0", in, in, 3, 1, weights),
              Equalized.downsamplingConv(tf, name + "_conv1", in, out, 3, 1, weights),
              Equalized.projection(tf, name + "_skip", in, out, 1, weights));
      blocks.add(block);
      all.addAll(List.of(block.conv0(), block.conv1(), block.skip()));
    }
    long last = architecture.features(Architecture.FIRST_LEVEL);
    long stddev = 0;
    if (architecture.stddevGroup() > 0) {
      epilogue.add(new MinibatchStddev(tf, architecture.stddevGroup()));
      stddev = 1;
    }
    epilogue.add(Equalized.conv(tf, "d_4x4_conv", last + stddev, last, 3, 1, weights));
    epilogue.add(activation);
    epilogue.add(Equalized.dense(tf, "d_4x4_dense", 16 * last, Shape.of(last), 1, weights));
    epilogue.add(activation);
    epilogue.add(Equalized.dense(tf, "d_4x4_out", last, Shape.of(1), 1, weights));
    all.addAll(epilogue);
    this.parts = Trainable.union(all);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> images, Mode mode) {
    Operand<TFloat32> x = activation.apply(fromRgb.apply(images, mode), mode);
    for (Block block : blocks) {
      Operand<TFloat32> shortcut =
          tf.math.mul(block.skip().apply(fir.downsample(x), mode), tf.constant(HALF));
      Operand<TFloat32> y = activation.apply(block.conv0().apply(x, mode), mode);
      y = residualActivation.apply(block.conv1().apply(fir.blur(y), mode), mode);
      x = tf.math.add(shortcut, y);
    }
    for (Network layer : epilogue) {
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
