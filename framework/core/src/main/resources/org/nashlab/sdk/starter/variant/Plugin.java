package {{package}};

import static org.nashlab.api.ParamChecks.layerWidth;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Activation;
import org.nashlab.nn.BatchNorm;
import org.nashlab.nn.Conv2D;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Network;
import org.nashlab.nn.Pool;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Residual;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.nashlab.nn.Upsample;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * A small residual GAN for square images whose side divides by 4 (28x28 Fashion-MNIST or MNIST,
 * 32x32 CIFAR-10), after the ResNet GANs of Gulrajani et al. 2017 and Miyato et al. 2018: G
 * upsamples a dense projection of the latent through two residual blocks (batch norm, ReLU,
 * nearest-neighbour upsampling, 3x3 convolutions, a 1x1 shortcut) to a tanh image; D downsamples
 * through two residual blocks (3x3 convolutions, LeakyReLU, 2x2 average pooling) to one logit. The
 * experiment's loss, optimizers and techniques apply as to any two-player variant, gradient
 * penalties included: they differentiate through the pooling and, if on, D's batch norm.
 *
 * <p>This is the starter's example: change the networks in {@link #generator} and {@link
 * #discriminator}. Layers are named {@code g_...} and {@code d_...}, which is how techniques such
 * as spectral norm tell G's weights from D's.
 */
@Doc("a small residual GAN for square images (upsampling G, average-pooling D)")
public final class {{class}} implements Variant {
  /** The YAML section: {@code variant: { name: {{name}}, width: 64 }}. */
  public record Params(
      @Doc("dimension of the Gaussian latent vector") @Default("128") int latentDim,
      @Doc("channels of G's last and D's first block; the other block has twice as many")
          @Default("64")
          int width,
      @Doc("batch normalisation in D's blocks (G always has it)") @Default("false")
          boolean discriminatorBatchNorm) {
    public Params {
      layerWidth(latentDim, "latent-dim");
      layerWidth(width, "width");
    }
  }

  private final Params params;

  public {{class}}(Params params) {
    this.params = params;
  }

  /** Read by {@code nash validate}: the data this variant cannot train on, before any run. */
  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(
        real ->
            fits(real.shape())
                ? List.of()
                : List.of(
                    "{{name}} needs square images whose side divides by 4; its samples have shape "
                        + real.shape()));
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    Shape image = context.sampleShape();
    Network generator = generator(context.tf(), params, image, context.initSeeds());
    Network discriminator = discriminator(context.tf(), params, image, context.initSeeds());
    return context.twoPlayer(generator, discriminator, context.latent(params.latentDim()));
  }

  /** Whether the variant can build networks for samples of shape {@code image}. */
  static boolean fits(Shape image) {
    return image.numDimensions() == 3 && image.size(0) == image.size(1) && image.size(0) % 4 == 0;
  }

  /** G: latent, dense to a quarter-size feature map, two upsampling blocks, a tanh image. */
  static Network generator(Ops tf, Params params, Shape image, Seeds seeds) {
    long quarter = image.size(0) / 4;
    long wide = 2L * params.width();
    Initializer init = Initializer.glorotUniform();
    return new Sequential(
        List.of(
            new Dense(tf, "g_in", params.latentDim(), quarter * quarter * wide, init, seeds),
            Reshape.to(tf, Shape.of(quarter, quarter, wide)),
            upBlock(tf, "g_block1", wide, params.width(), seeds),
            upBlock(tf, "g_block2", params.width(), params.width(), seeds),
            new BatchNorm(tf, "g_out_bn", params.width()),
            Activation.relu(tf),
            new Conv2D(tf, "g_out", params.width(), image.size(2), 3, 1, init, seeds),
            Activation.tanh(tf)));
  }

  /** D: two downsampling blocks to a quarter-size feature map, then one logit. */
  static Network discriminator(Ops tf, Params params, Shape image, Seeds seeds) {
    long quarter = image.size(0) / 4;
    long wide = 2L * params.width();
    boolean norm = params.discriminatorBatchNorm();
    return new Sequential(
        List.of(
            downBlock(tf, "d_block1", image.size(2), params.width(), false, seeds),
            downBlock(tf, "d_block2", params.width(), wide, norm, seeds),
            Activation.leakyRelu(tf, 0.2f),
            Reshape.flatten(tf, quarter * quarter * wide),
            new Dense(
                tf, "d_out", quarter * quarter * wide, 1, Initializer.glorotUniform(), seeds)));
  }

  /** BN, ReLU, x2 upsampling, 3x3 conv, BN, ReLU, 3x3 conv; shortcut: x2 upsampling, 1x1 conv. */
  private static Network upBlock(Ops tf, String name, long in, long out, Seeds seeds) {
    Initializer init = Initializer.glorotUniform();
    Network main =
        new Sequential(
            List.of(
                new BatchNorm(tf, name + "_bn1", in),
                Activation.relu(tf),
                new Upsample(tf, 2),
                new Conv2D(tf, name + "_conv1", in, out, 3, 1, init, seeds),
                new BatchNorm(tf, name + "_bn2", out),
                Activation.relu(tf),
                new Conv2D(tf, name + "_conv2", out, out, 3, 1, init, seeds)));
    Network shortcut =
        new Sequential(
            List.of(
                new Upsample(tf, 2), new Conv2D(tf, name + "_skip", in, out, 1, 1, init, seeds)));
    return new Residual(tf, main, shortcut);
  }

  /** 3x3 conv, (BN), LeakyReLU, 3x3 conv, 2x2 average pool; shortcut: 1x1 conv, 2x2 pool. */
  private static Network downBlock(
      Ops tf, String name, long in, long out, boolean batchNorm, Seeds seeds) {
    Initializer init = Initializer.glorotUniform();
    List<Network> main = new ArrayList<>();
    main.add(new Conv2D(tf, name + "_conv1", in, out, 3, 1, init, seeds));
    if (batchNorm) {
      main.add(new BatchNorm(tf, name + "_bn", out));
    }
    main.add(Activation.leakyRelu(tf, 0.2f));
    main.add(new Conv2D(tf, name + "_conv2", out, out, 3, 1, init, seeds));
    main.add(Pool.average(tf, 2));
    Network shortcut =
        new Sequential(
            List.of(
                new Conv2D(tf, name + "_skip", in, out, 1, 1, init, seeds), Pool.average(tf, 2)));
    return new Residual(tf, new Sequential(main), shortcut);
  }
}
