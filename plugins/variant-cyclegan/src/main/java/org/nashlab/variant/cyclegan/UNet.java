package org.nashlab.variant.cyclegan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Activation;
import org.nashlab.nn.Conv2D;
import org.nashlab.nn.Conv2DTranspose;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.InstanceNorm;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The U-Net generator of the CycleGAN authors' code ({@code --netG unet_128}, after pix2pix, Isola
 * et al. 2017): {@code depth} 4x4 stride-2 convolutions down (LeakyReLU 0.2, instance norm but on
 * the first), as many transposed convolutions up (ReLU, instance norm), each decoder stage reading
 * the matching encoder stage beside it through a skip connection, tanh out. The skips give every
 * output pixel a short path from the same input pixel.
 */
final class UNet implements Network {
  private static final float SLOPE = 0.2f;
  private final Ops tf;
  private final List<Network> down = new ArrayList<>();
  private final List<Network> up = new ArrayList<>();
  private final Network out;

  UNet(Ops tf, String name, Shape image, int width, int depth, Seeds seeds) {
    this.tf = tf;
    Initializer init = Initializer.normal(0.02f);
    long channels = image.get(2);
    long in = channels;
    List<Long> widths = new ArrayList<>();
    for (int i = 1; i <= depth; i++) {
      long w = (long) width << (i - 1);
      List<Network> stage = new ArrayList<>();
      if (i > 1) {
        stage.add(Activation.leakyRelu(tf, SLOPE));
      }
      stage.add(new Conv2D(tf, name + "_down" + i, in, w, 4, 2, init, seeds));
      if (i > 1) {
        stage.add(new InstanceNorm(tf, name + "_down" + i + "_norm", w));
      }
      down.add(new Sequential(stage));
      widths.add(w);
      in = w;
    }
    for (int i = depth; i >= 2; i--) {
      // The innermost stage reads only the bottleneck; the others also the skip beside them.
      long reads = i == depth ? widths.get(i - 1) : 2 * widths.get(i - 1);
      long w = widths.get(i - 2);
      up.add(
          new Sequential(
              List.of(
                  Activation.relu(tf),
                  new Conv2DTranspose(tf, name + "_up" + i, reads, w, 4, 2, init, seeds),
                  new InstanceNorm(tf, name + "_up" + i + "_norm", w))));
    }
    long reads = depth == 1 ? widths.get(0) : 2 * widths.get(0);
    this.out =
        new Sequential(
            List.of(
                Activation.relu(tf),
                new Conv2DTranspose(tf, name + "_up1", reads, channels, 4, 2, init, seeds),
                Activation.tanh(tf),
                Reshape.to(tf, image)));
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    List<Operand<TFloat32>> skips = new ArrayList<>();
    Operand<TFloat32> x = input;
    for (Network stage : down) {
      x = stage.apply(x, mode);
      skips.add(x);
    }
    for (int k = 0; k < up.size(); k++) {
      Operand<TFloat32> reads =
          k == 0 ? x : tf.concat(List.of(x, skips.get(skips.size() - 1 - k)), tf.constant(3));
      x = up.get(k).apply(reads, mode);
    }
    Operand<TFloat32> reads =
        up.isEmpty() ? x : tf.concat(List.of(x, skips.get(0)), tf.constant(3));
    return out.apply(reads, mode);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    List<Variable<TFloat32>> all = new ArrayList<>();
    down.forEach(n -> all.addAll(n.variables()));
    up.forEach(n -> all.addAll(n.variables()));
    all.addAll(out.variables());
    return all;
  }

  @Override
  public List<Op> updates() {
    List<Op> all = new ArrayList<>();
    down.forEach(n -> all.addAll(n.updates()));
    up.forEach(n -> all.addAll(n.updates()));
    all.addAll(out.updates());
    return all;
  }
}
