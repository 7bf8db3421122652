package org.nashlab.variant.dcgan;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.positive;
import static org.nashlab.api.ParamChecks.size;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Packing;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.ConvStacks;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Dropout;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.MinibatchStddev;
import org.nashlab.nn.Network;
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
      @Doc("negative slope of D's LeakyReLU") @Default("0.2") double leakySlope,
      @Doc("D's normalisation: batch (DCGAN), layer (for gradient penalties) or none (WGAN)")
          @Default("batch")
          ConvStacks.Normalization discriminatorNorm,
      @Doc("dropout rate on D's features before its output layer") @Default("0.0") double dropout,
      @Doc("append the minibatch standard deviation before D's output (Karras et al. 2018)")
          @Default("false")
          boolean minibatchStddev) {
    public Params {
      layerWidth(latentDim, "latent-dim");
      layerWidth(width, "width");
      size(depth, 10, "depth", "2^10 = 1,024 pixels is the largest side");
      positive(kernel, "kernel");
      fraction(leakySlope, "leaky-slope");
      fraction(dropout, "dropout");
    }
  }

  private final Params params;

  public Dcgan(Params params) {
    this.params = params;
  }

  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(
        real ->
            ConvStacks.fits(real.shape(), params.depth())
                ? List.of()
                : List.of(
                    "DCGAN needs square images whose side divides by 2^depth = "
                        + (1 << params.depth())
                        + "; its samples have shape "
                        + real.shape()));
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    Shape image = context.sampleShape();
    Ops tf = context.tf();
    Seeds seeds = context.initSeeds();
    var latent = context.latent(params.latentDim());
    Network generator =
        ConvStacks.upsampling(
            tf,
            "g",
            params.latentDim(),
            image,
            params.width(),
            params.depth(),
            params.kernel(),
            seeds);
    long features = ConvStacks.features(image, params.width(), params.depth());
    List<Network> critic = new ArrayList<>();
    critic.add(
        ConvStacks.downsampling(
            tf,
            "d",
            // D judges packing() images stacked along the channels when the experiment packs.
            Packing.packedShape(image, context.packing()),
            params.width(),
            params.depth(),
            params.kernel(),
            (float) params.leakySlope(),
            params.discriminatorNorm(),
            seeds));
    if (params.dropout() > 0) {
      critic.add(new Dropout(tf, "d_dropout", (float) params.dropout(), seeds));
    }
    if (params.minibatchStddev()) {
      critic.add(new MinibatchStddev(tf));
      features++;
    }
    critic.add(new Dense(tf, "d_out", features, 1, Initializer.normal(0.02f), seeds));
    Network discriminator = new Sequential(critic);
    return context.twoPlayer(generator, discriminator, latent);
  }
}
