package org.nashlab.variant.cyclegan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Activation;
import org.nashlab.nn.Conv2D;
import org.nashlab.nn.Conv2DTranspose;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.InstanceNorm;
import org.nashlab.nn.Network;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * CycleGAN's networks (Zhu et al. 2017, appendix 7.2), sized by parameters: the {@link UNet}, or
 * the ResNet generator of Johnson et al. 2016 ({@code c7s1-w, d2w, d4w, R4w x blocks, u2w, uw,
 * c7s1-C}, instance norm and ReLU, tanh output) and the 70x70 PatchGAN discriminator ({@code
 * C64-C128-C256-C512}, LeakyReLU 0.2, instance norm from the second layer, one logit per patch).
 * Weights start N(0, 0.02) as in the authors' code. Convolutions pad with zeros ({@code SAME}); the
 * authors pad the 7x7 and residual convolutions by reflection.
 */
final class Translators {
  private static final float SLOPE = 0.2f;

  private Translators() {}

  /**
   * A generator from images of shape {@code image} to images of the same shape, its output reshaped
   * to that static shape so that techniques (DiffAugment) see it.
   */
  static Network generator(Ops tf, String name, Shape image, CycleGan.Params p, Seeds seeds) {
    return p.generator() == CycleGan.Generator.UNET
        ? new UNet(tf, name, image, p.generatorWidth(), p.downsamplings(), seeds)
        : resnet(tf, name, image, p, seeds);
  }

  private static Network resnet(Ops tf, String name, Shape image, CycleGan.Params p, Seeds seeds) {
    long inChannels = image.get(2);
    long outChannels = image.get(2);
    Initializer init = Initializer.normal(0.02f);
    List<Network> layers = new ArrayList<>();
    long width = p.generatorWidth();
    layers.add(new Conv2D(tf, name + "_in", inChannels, width, 7, 1, init, seeds));
    layers.add(new InstanceNorm(tf, name + "_in_norm", width));
    layers.add(Activation.relu(tf));
    for (int i = 1; i <= p.downsamplings(); i++) {
      layers.add(new Conv2D(tf, name + "_down" + i, width, width * 2, 3, 2, init, seeds));
      width *= 2;
      layers.add(new InstanceNorm(tf, name + "_down" + i + "_norm", width));
      layers.add(Activation.relu(tf));
    }
    for (int r = 1; r <= p.residualBlocks(); r++) {
      String block = name + "_res" + r;
      layers.add(
          new Residual(
              tf,
              List.of(
                  new Conv2D(tf, block + "_a", width, width, 3, 1, init, seeds),
                  new InstanceNorm(tf, block + "_a_norm", width),
                  Activation.relu(tf),
                  new Conv2D(tf, block + "_b", width, width, 3, 1, init, seeds),
                  new InstanceNorm(tf, block + "_b_norm", width))));
    }
    for (int i = 1; i <= p.downsamplings(); i++) {
      layers.add(new Conv2DTranspose(tf, name + "_up" + i, width, width / 2, 3, 2, init, seeds));
      width /= 2;
      layers.add(new InstanceNorm(tf, name + "_up" + i + "_norm", width));
      layers.add(Activation.relu(tf));
    }
    layers.add(new Conv2D(tf, name + "_out", width, outChannels, 7, 1, init, seeds));
    layers.add(Activation.tanh(tf));
    layers.add(Reshape.to(tf, image));
    return new Sequential(layers);
  }

  static Network discriminator(Ops tf, String name, long channels, CycleGan.Params p, Seeds seeds) {
    Initializer init = Initializer.normal(0.02f);
    List<Network> layers = new ArrayList<>();
    long in = channels;
    long width = p.discriminatorWidth();
    for (int i = 1; i <= p.discriminatorLayers() + 1; i++) {
      // The last of these keeps the resolution, as the PatchGAN's C512 layer does.
      int stride = i <= p.discriminatorLayers() ? 2 : 1;
      layers.add(new Conv2D(tf, name + "_conv" + i, in, width, 4, stride, init, seeds));
      if (i > 1) {
        layers.add(new InstanceNorm(tf, name + "_conv" + i + "_norm", width));
      }
      layers.add(Activation.leakyRelu(tf, SLOPE));
      in = width;
      width *= 2;
    }
    layers.add(new Conv2D(tf, name + "_patch", in, 1, 4, 1, init, seeds));
    return new Sequential(layers);
  }
}
