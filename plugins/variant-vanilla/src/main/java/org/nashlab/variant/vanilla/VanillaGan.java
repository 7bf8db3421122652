package org.nashlab.variant.vanilla;

import static org.nashlab.api.ParamChecks.positive;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Activation;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.tensorflow.op.Ops;

/**
 * The GAN of Goodfellow et al. 2014: an MLP generator from Gaussian noise and an MLP discriminator
 * with one logit, trained as a two-player game.
 */
@Doc("MLP generator and discriminator (Goodfellow et al. 2014)")
public final class VanillaGan implements Variant {
  /** What G's last layer does to its output. */
  public enum Output {
    LINEAR,
    TANH,
    SIGMOID
  }

  public record Params(
      @Doc("dimension of the Gaussian latent vector") @Default("64") int latentDim,
      @Doc("units in each hidden layer of G") @Default("128") int generatorWidth,
      @Doc("hidden layers of G") @Default("2") int generatorDepth,
      @Doc("units in each hidden layer of D") @Default("128") int discriminatorWidth,
      @Doc("hidden layers of D") @Default("2") int discriminatorDepth,
      @Doc("G's output activation: linear for unbounded data, tanh for data in [-1, 1]")
          @Default("linear")
          Output output) {
    public Params {
      positive(latentDim, "latent-dim");
      positive(generatorWidth, "generator-width");
      positive(generatorDepth, "generator-depth");
      positive(discriminatorWidth, "discriminator-width");
      positive(discriminatorDepth, "discriminator-depth");
    }
  }

  private final Params params;

  public VanillaGan(Params params) {
    this.params = params;
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    Ops tf = context.tf();
    Seeds seeds = context.initSeeds();
    long dataWidth = context.sampleShape().size();
    if (context.sampleShape().numDimensions() != 1) {
      throw new IllegalArgumentException(
          "the vanilla MLP GAN takes flat samples; this dataset's samples have shape "
              + context.sampleShape());
    }
    var latent = context.latent(params.latentDim());
    Network generator =
        mlp(
            tf,
            "g",
            params.latentDim(),
            params.generatorWidth(),
            params.generatorDepth(),
            dataWidth,
            seeds,
            outputActivation(tf));
    Network discriminator =
        mlp(
            tf,
            "d",
            dataWidth,
            params.discriminatorWidth(),
            params.discriminatorDepth(),
            1,
            seeds,
            Activation.identity());
    return context.twoPlayer(generator, discriminator, latent);
  }

  private Network outputActivation(Ops tf) {
    return switch (params.output()) {
      case LINEAR -> Activation.identity();
      case TANH -> Activation.tanh(tf);
      case SIGMOID -> Activation.sigmoid(tf);
    };
  }

  private static Network mlp(
      Ops tf,
      String prefix,
      long inputs,
      int width,
      int depth,
      long outputs,
      Seeds seeds,
      Network outputActivation) {
    List<Network> layers = new ArrayList<>();
    long in = inputs;
    for (int i = 1; i <= depth; i++) {
      layers.add(
          new Dense(tf, prefix + "_dense" + i, in, width, Initializer.glorotUniform(), seeds));
      layers.add(Activation.relu(tf));
      in = width;
    }
    layers.add(new Dense(tf, prefix + "_out", in, outputs, Initializer.glorotUniform(), seeds));
    layers.add(outputActivation);
    return new Sequential(layers);
  }
}
