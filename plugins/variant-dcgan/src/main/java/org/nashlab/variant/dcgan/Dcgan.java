package org.nashlab.variant.dcgan;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.positive;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Activation;
import org.nashlab.nn.BatchNorm;
import org.nashlab.nn.Conv2D;
import org.nashlab.nn.Conv2DTranspose;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Network;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * DCGAN (Radford et al. 2015, section 3): strided convolutions in D and transposed convolutions in
 * G instead of pooling, batch norm in both except D's input and G's output, ReLU in G with tanh
 * out, LeakyReLU (0.2) in D, no hidden dense layers, weights from N(0, 0.02).
 *
 * <p>With {@code depth} stride-2 stages, G starts from a {@code side / 2^depth} square of {@code
 * width * 2^(depth-1)} channels and halves the channels at each stage: for 28x28 images and the
 * defaults, dense to 7x7x128, BN, ReLU, to 14x14x64, BN, ReLU, to 28x28xC, tanh. D mirrors it.
 */
@Doc("DCGAN: convolutional G and D after Radford et al. 2015; images of side divisible by 2^depth")
public final class Dcgan implements Variant {
  public record Params(
      @Doc("dimension of the Gaussian latent vector") @Default("100") int latentDim,
      @Doc("channels of D's first and G's last hidden layer; doubled at each stage") @Default("64")
          int width,
      @Doc("stride-2 stages in each network") @Default("2") int depth,
      @Doc("side of the square convolution kernels") @Default("5") int kernel,
      @Doc("negative slope of D's LeakyReLU") @Default("0.2") double leakySlope) {
    public Params {
      positive(latentDim, "latent-dim");
      positive(width, "width");
      positive(depth, "depth");
      positive(kernel, "kernel");
      fraction(leakySlope, "leaky-slope");
    }
  }

  private final Params params;

  public Dcgan(Params params) {
    this.params = params;
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    Shape image = context.sampleShape();
    int scale = 1 << params.depth();
    if (image.numDimensions() != 3 || image.get(0) != image.get(1) || image.get(0) % scale != 0) {
      throw new IllegalArgumentException(
          "DCGAN needs square images whose side divides by 2^depth = "
              + scale
              + "; this dataset's"
              + " samples have shape "
              + image);
    }
    Ops tf = context.tf();
    Seeds seeds = context.initSeeds();
    var latent = context.latent(params.latentDim());
    return context.twoPlayer(generator(tf, image, seeds), discriminator(tf, image, seeds), latent);
  }

  private Network generator(Ops tf, Shape image, Seeds seeds) {
    Initializer init = Initializer.normal(0.02f);
    long base = image.get(0) >> params.depth();
    long channels = (long) params.width() << (params.depth() - 1);
    List<Network> layers = new ArrayList<>();
    layers.add(new Dense(tf, "g_project", params.latentDim(), base * base * channels, init, seeds));
    layers.add(Reshape.to(tf, Shape.of(base, base, channels)));
    layers.add(new BatchNorm(tf, "g_bn0", channels));
    layers.add(Activation.relu(tf));
    for (int stage = 1; stage <= params.depth(); stage++) {
      boolean last = stage == params.depth();
      long out = last ? image.get(2) : channels / 2;
      layers.add(
          new Conv2DTranspose(
              tf, "g_deconv" + stage, channels, out, params.kernel(), 2, init, seeds));
      if (!last) {
        layers.add(new BatchNorm(tf, "g_bn" + stage, out));
        layers.add(Activation.relu(tf));
      }
      channels = out;
    }
    layers.add(Activation.tanh(tf));
    return new Sequential(layers);
  }

  private Network discriminator(Ops tf, Shape image, Seeds seeds) {
    Initializer init = Initializer.normal(0.02f);
    List<Network> layers = new ArrayList<>();
    long channels = image.get(2);
    long side = image.get(0);
    for (int stage = 1; stage <= params.depth(); stage++) {
      long out = (long) params.width() << (stage - 1);
      layers.add(new Conv2D(tf, "d_conv" + stage, channels, out, params.kernel(), 2, init, seeds));
      if (stage > 1) {
        layers.add(new BatchNorm(tf, "d_bn" + stage, out));
      }
      layers.add(Activation.leakyRelu(tf, (float) params.leakySlope()));
      channels = out;
      side /= 2;
    }
    long features = side * side * channels;
    layers.add(Reshape.flatten(tf, features));
    layers.add(new Dense(tf, "d_out", features, 1, init, seeds));
    return new Sequential(layers);
  }
}
