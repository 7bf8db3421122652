package org.nashlab.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * The convolutional stacks of DCGAN (Radford et al. 2015, section 3), for variants to build on:
 * strided convolutions down, transposed convolutions up, batch norm except at D's input and G's
 * output, ReLU up and LeakyReLU down, weights from N(0, 0.02). With {@code depth} stride-2 stages
 * the image side must divide by {@code 2^depth}.
 */
public final class ConvStacks {
  private ConvStacks() {}

  /**
   * From a vector of {@code inputs} values to an image of {@code image}'s shape: dense to a {@code
   * side / 2^depth} square of {@code width * 2^(depth-1)} channels, then {@code depth} transposed
   * convolutions halving the channels, tanh out.
   */
  public static Network upsampling(
      Ops tf,
      String prefix,
      long inputs,
      Shape image,
      int width,
      int depth,
      int kernel,
      Seeds seeds) {
    Initializer init = Initializer.normal(0.02f);
    long base = image.get(0) >> depth;
    long channels = (long) width << (depth - 1);
    List<Network> layers = new ArrayList<>();
    layers.add(new Dense(tf, prefix + "_project", inputs, base * base * channels, init, seeds));
    layers.add(Reshape.to(tf, Shape.of(base, base, channels)));
    layers.add(new BatchNorm(tf, prefix + "_bn0", channels));
    layers.add(Activation.relu(tf));
    for (int stage = 1; stage <= depth; stage++) {
      boolean last = stage == depth;
      long out = last ? image.get(2) : channels / 2;
      layers.add(
          new Conv2DTranspose(
              tf, prefix + "_deconv" + stage, channels, out, kernel, 2, init, seeds));
      if (!last) {
        layers.add(new BatchNorm(tf, prefix + "_bn" + stage, out));
        layers.add(Activation.relu(tf));
      }
      channels = out;
    }
    layers.add(Activation.tanh(tf));
    return new Sequential(layers);
  }

  /** The normalisation between a critic's convolutions. */
  public enum Normalization {
    /** DCGAN's batch norm. */
    BATCH,
    /** Layer norm: no batch dependence, twice differentiable, for gradient penalties. */
    LAYER,
    /** None, as in WGAN critics with weight clipping. */
    NONE
  }

  /**
   * From an image of {@code image}'s shape to a flat feature vector of {@link #features} values:
   * {@code depth} strided convolutions doubling the channels from {@code width}, normalised (except
   * the first), LeakyReLU.
   */
  public static Network downsampling(
      Ops tf,
      String prefix,
      Shape image,
      int width,
      int depth,
      int kernel,
      float slope,
      Normalization normalization,
      Seeds seeds) {
    Initializer init = Initializer.normal(0.02f);
    List<Network> layers = new ArrayList<>();
    long channels = image.get(2);
    for (int stage = 1; stage <= depth; stage++) {
      long out = (long) width << (stage - 1);
      layers.add(new Conv2D(tf, prefix + "_conv" + stage, channels, out, kernel, 2, init, seeds));
      if (stage > 1 && normalization == Normalization.BATCH) {
        layers.add(new BatchNorm(tf, prefix + "_bn" + stage, out));
      } else if (stage > 1 && normalization == Normalization.LAYER) {
        layers.add(new LayerNorm(tf, prefix + "_ln" + stage, out));
      }
      layers.add(Activation.leakyRelu(tf, slope));
      channels = out;
    }
    layers.add(Reshape.flatten(tf, features(image, width, depth)));
    return new Sequential(layers);
  }

  /** The length of {@link #downsampling}'s feature vector. */
  public static long features(Shape image, int width, int depth) {
    long side = image.get(0) >> depth;
    return side * side * ((long) width << (depth - 1));
  }

  /** Whether {@code image} is square with a side that divides by {@code 2^depth}. */
  public static boolean fits(Shape image, int depth) {
    return image.numDimensions() == 3
        && image.get(0) == image.get(1)
        && image.get(0) % (1L << depth) == 0;
  }
}
