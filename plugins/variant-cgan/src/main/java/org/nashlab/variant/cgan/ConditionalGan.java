package org.nashlab.variant.cgan;

import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.size;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Activation;
import org.nashlab.nn.ConditionalNetwork;
import org.nashlab.nn.ConvStacks;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Embedding;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Mlp;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The conditional GAN of Mirza and Osindero 2014: G(z, y) and D(x, y) for class labels y, each
 * label given to the networks as a learned embedding. G reads {@code [z, e(y)]}. D either reads the
 * label with its input ({@code concat}: appended to the flat input of an MLP, or as constant
 * feature maps beside the image channels of a convolutional D), or scores it by projection (Miyato
 * & Koyama 2018, eq. 3): {@code D(x, y) = psi(phi(x)) + e(y) . phi(x)}.
 */
@Doc(
    "class-conditional GAN (Mirza & Osindero 2014), MLP or DCGAN backbone, concat or projection D (Miyato & Koyama 2018)")
public final class ConditionalGan implements Variant {
  /** The networks the conditioning is added to. */
  public enum Backbone {
    MLP,
    DCGAN
  }

  /** How D sees the label. */
  public enum Conditioning {
    CONCAT,
    PROJECTION
  }

  public record Params(
      @Doc("mlp (Mirza & Osindero) or dcgan (Radford et al.) networks") @Default("dcgan")
          Backbone backbone,
      @Doc("concat: the label joins D's input; projection: D scores e(y) . phi(x)")
          @Default("projection")
          Conditioning conditioning,
      @Doc("dimension of the Gaussian latent vector") @Default("100") int latentDim,
      @Doc("dimension of the label embeddings") @Default("32") int embeddingDim,
      @Doc("DCGAN: channels of D's first layer, doubled per stage; MLP: hidden units")
          @Default("64")
          int width,
      @Doc("DCGAN: stride-2 stages; MLP: hidden layers") @Default("2") int depth) {
    public Params {
      layerWidth(latentDim, "latent-dim");
      layerWidth(embeddingDim, "embedding-dim");
      layerWidth(width, "width");
      size(depth, 10, "depth", "2^10 = 1,024 pixels is the largest side");
    }
  }

  private static final int KERNEL = 5;
  private static final float SLOPE = 0.2f;
  private final Params params;

  public ConditionalGan(Params params) {
    this.params = params;
  }

  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(
        real -> {
          List<String> problems = new ArrayList<>();
          if (!real.labelled()) {
            problems.add(
                "a conditional GAN needs samples with class labels; these carry none (try"
                    + " mnist, fashion-mnist, cifar10 or image-folder)");
          }
          if (params.backbone() == Backbone.DCGAN
              && !ConvStacks.fits(real.shape(), params.depth())) {
            problems.add(
                "the DCGAN backbone needs square images whose side divides by 2^depth = "
                    + (1 << params.depth())
                    + "; its samples have shape "
                    + real.shape()
                    + " (backbone: mlp takes any shape)");
          }
          return problems;
        });
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    Shape sample = context.sampleShape();
    Ops tf = context.tf();
    Seeds seeds = context.initSeeds();
    int classes = context.classes();
    var latent = context.latent(params.latentDim());
    return context.conditionalTwoPlayer(
        generator(tf, sample, classes, seeds), discriminator(tf, sample, classes, seeds), latent);
  }

  private ConditionalNetwork generator(Ops tf, Shape sample, int classes, Seeds seeds) {
    Embedding label =
        new Embedding(tf, "g_label", classes, params.embeddingDim(), Initializer.normal(1f), seeds);
    long inputs = params.latentDim() + params.embeddingDim();
    Network body =
        params.backbone() == Backbone.DCGAN
            ? ConvStacks.upsampling(
                tf, "g", inputs, sample, params.width(), params.depth(), KERNEL, seeds)
            : new Sequential(
                List.of(
                    Mlp.of(tf, "g", inputs, params.width(), params.depth(), sample.size(), seeds),
                    Activation.tanh(tf),
                    Reshape.to(tf, sample)));
    return new Conditioned(body, label) {
      @Override
      public Operand<TFloat32> apply(Operand<TFloat32> z, Operand<TInt32> y, Mode mode) {
        return body.apply(tf.concat(List.of(z, label.lookup(y)), tf.constant(1)), mode);
      }
    };
  }

  private ConditionalNetwork discriminator(Ops tf, Shape sample, int classes, Seeds seeds) {
    boolean concat = params.conditioning() == Conditioning.CONCAT;
    boolean conv = params.backbone() == Backbone.DCGAN;
    long extra = concat ? params.embeddingDim() : 0;
    Network features;
    long featureCount;
    if (conv) {
      Shape input = Shape.of(sample.get(0), sample.get(1), sample.get(2) + extra);
      features =
          ConvStacks.downsampling(
              tf,
              "d",
              input,
              params.width(),
              params.depth(),
              KERNEL,
              SLOPE,
              ConvStacks.Normalization.BATCH,
              seeds);
      featureCount = ConvStacks.features(input, params.width(), params.depth());
    } else {
      List<Network> layers = new ArrayList<>();
      layers.add(Activation.identity());
      layers.addAll(
          Mlp.hidden(tf, "d", sample.size() + extra, params.width(), params.depth(), seeds));
      features = new Sequential(layers);
      featureCount = params.width();
    }
    Dense out = new Dense(tf, "d_out", featureCount, 1, Initializer.normal(0.02f), seeds);
    Embedding label =
        new Embedding(
            tf,
            "d_label",
            classes,
            concat ? params.embeddingDim() : featureCount,
            Initializer.normal(0.02f),
            seeds);
    Network body = new Sequential(List.of(features, out));
    return new Conditioned(body, label) {
      @Override
      public Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TInt32> y, Mode mode) {
        Operand<TFloat32> e = label.lookup(y);
        if (!concat) {
          Operand<TFloat32> h = features.apply(conv ? x : flat(tf, x, sample), mode);
          Operand<TFloat32> projection =
              tf.reduceSum(tf.math.mul(e, h), tf.constant(1), ReduceSum.keepDims(true));
          return tf.math.add(out.apply(h, mode), projection);
        }
        Operand<TFloat32> joined =
            conv
                ? tf.concat(List.of(x, labelMaps(tf, e, sample)), tf.constant(3))
                : tf.concat(List.of(flat(tf, x, sample), e), tf.constant(1));
        return out.apply(features.apply(joined, mode), mode);
      }
    };
  }

  private static Operand<TFloat32> flat(Ops tf, Operand<TFloat32> x, Shape sample) {
    return tf.reshape(x, tf.constant(new long[] {-1, sample.size()}));
  }

  /** The embedding repeated over every pixel: {@code [batch, height, width, dim]}. */
  private Operand<TFloat32> labelMaps(Ops tf, Operand<TFloat32> embedding, Shape sample) {
    Operand<TFloat32> column =
        tf.reshape(embedding, tf.constant(new long[] {-1, 1, 1, params.embeddingDim()}));
    return tf.tile(column, tf.constant(new int[] {1, (int) sample.get(0), (int) sample.get(1), 1}));
  }

  /** A body network plus a label embedding: their variables and updates together. */
  private abstract static class Conditioned implements ConditionalNetwork {
    private final Network body;
    private final Embedding label;

    Conditioned(Network body, Embedding label) {
      this.body = body;
      this.label = label;
    }

    @Override
    public List<Variable<TFloat32>> variables() {
      List<Variable<TFloat32>> all = new ArrayList<>(body.variables());
      all.addAll(label.variables());
      return all;
    }

    @Override
    public List<Op> updates() {
      return body.updates();
    }
  }
}
