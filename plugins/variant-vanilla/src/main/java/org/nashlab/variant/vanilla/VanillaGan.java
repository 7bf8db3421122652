package org.nashlab.variant.vanilla;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.layerDepth;
import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Packing;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Activation;
import org.nashlab.nn.BatchNorm;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Dropout;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Maxout;
import org.nashlab.nn.MinibatchStddev;
import org.nashlab.nn.Network;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * The GAN of Goodfellow et al. 2014: an MLP generator from Gaussian noise and an MLP discriminator
 * with one logit, trained as a two-player game. Images are flattened for D and reshaped out of G.
 * As in the paper's MNIST model, D's hidden units can be maxout units ({@code maxout-pieces} > 0,
 * Goodfellow et al. 2013) with dropout ({@code dropout} > 0); otherwise they are ReLU.
 */
@Doc(
    "MLP generator and discriminator, optional maxout units and dropout in D (Goodfellow et al. 2014)")
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
          Output output,
      @Doc("pieces per maxout unit in D's hidden layers; 0 uses ReLU units") @Default("0")
          int maxoutPieces,
      @Doc("dropout rate after each of D's hidden layers") @Default("0.0") double dropout,
      @Doc("append the minibatch standard deviation before D's output (Karras et al. 2018)")
          @Default("false")
          boolean minibatchStddev,
      @Doc(
              "G's hidden layers as linear without bias, batch norm, ReLU (PacGAN's generator);"
                  + " false: linear with bias, ReLU")
          @Default("false")
          boolean generatorBatchNorm,
      @Doc(
              "standard deviation of every layer's normal initial weights (PacGAN, DCGAN: 0.02);"
                  + " 0 draws them Glorot uniform")
          @Default("0.0")
          double initStd) {
    public Params {
      layerWidth(latentDim, "latent-dim");
      layerWidth(generatorWidth, "generator-width");
      layerDepth(generatorDepth, "generator-depth");
      layerWidth(discriminatorWidth, "discriminator-width");
      layerDepth(discriminatorDepth, "discriminator-depth");
      nonNegative(maxoutPieces, "maxout-pieces");
      fraction(dropout, "dropout");
      nonNegative(initStd, "init-std");
    }
  }

  private final Params params;

  public VanillaGan(Params params) {
    this.params = params;
  }

  /** Its networks are MLPs, which take samples of any shape, of the one stream. */
  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(real -> List.of());
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    Ops tf = context.tf();
    Seeds seeds = context.initSeeds();
    Shape sample = context.sampleShape();
    var latent = context.latent(params.latentDim());
    // D judges packing() samples side by side when the experiment packs (PacGAN).
    Shape judged = Packing.packedShape(sample, context.packing());
    return context.twoPlayer(
        generator(tf, sample, seeds), discriminator(tf, judged, seeds), latent);
  }

  private Network generator(Ops tf, Shape sample, Seeds seeds) {
    Initializer init = initializer();
    List<Network> layers = new ArrayList<>();
    long in = params.latentDim();
    for (int i = 1; i <= params.generatorDepth(); i++) {
      String name = "g_dense" + i;
      if (params.generatorBatchNorm()) {
        layers.add(Dense.withoutBias(tf, name, in, params.generatorWidth(), init, seeds));
        // Blocks' batch norm, which PacGAN's code uses: population averages kept with momentum
        // 0.95, epsilon 1e-4.
        layers.add(new BatchNorm(tf, "g_bn" + i, params.generatorWidth(), 0.95f, 1e-4f));
      } else {
        layers.add(new Dense(tf, name, in, params.generatorWidth(), init, seeds));
      }
      layers.add(Activation.relu(tf));
      in = params.generatorWidth();
    }
    layers.add(new Dense(tf, "g_out", in, sample.size(), init, seeds));
    layers.add(outputActivation(tf));
    layers.add(Reshape.to(tf, sample));
    return new Sequential(layers);
  }

  private Network discriminator(Ops tf, Shape sample, Seeds seeds) {
    Initializer init = initializer();
    List<Network> layers = new ArrayList<>();
    layers.add(Reshape.flatten(tf, sample.size()));
    long in = sample.size();
    long width = params.discriminatorWidth();
    for (int i = 1; i <= params.discriminatorDepth(); i++) {
      if (params.maxoutPieces() > 0) {
        layers.add(new Maxout(tf, "d_maxout" + i, in, width, params.maxoutPieces(), init, seeds));
      } else {
        layers.add(new Dense(tf, "d_dense" + i, in, width, init, seeds));
        layers.add(Activation.relu(tf));
      }
      if (params.dropout() > 0) {
        layers.add(new Dropout(tf, "d_dropout" + i, (float) params.dropout(), seeds));
      }
      in = width;
    }
    if (params.minibatchStddev()) {
      layers.add(new MinibatchStddev(tf));
      in++;
    }
    layers.add(new Dense(tf, "d_out", in, 1, init, seeds));
    return new Sequential(layers);
  }

  private Initializer initializer() {
    return params.initStd() > 0
        ? Initializer.normal((float) params.initStd())
        : Initializer.glorotUniform();
  }

  private Network outputActivation(Ops tf) {
    return switch (params.output()) {
      case LINEAR -> Activation.identity();
      case TANH -> Activation.tanh(tf);
      case SIGMOID -> Activation.sigmoid(tf);
    };
  }
}
