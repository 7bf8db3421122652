package org.nashlab.variant.progan;

import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.List;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.tensorflow.ndarray.Shape;

/**
 * ProGAN (Karras et al. 2018): both networks grow from 4 x 4 to the data's resolution, each new
 * resolution faded in while the previous one's output is blended out, with the paper's stabilisers
 * each a switch: equalized learning rate, pixelwise feature normalisation in G, minibatch standard
 * deviation in D, and the drift term {@code drift * E[D(x)^2]} beside the experiment's loss
 * (WGAN-GP in the paper: {@code loss: wasserstein} with {@code gradient-penalty}).
 *
 * <p>One graph holds every resolution, driven by the fed level of detail {@code progan_lod}, as the
 * authors' {@code structure='linear'}; the schedule ({@link Growth}) feeds it each step from the
 * step's number. Images whose side is not a power of two are padded with the background (-1) to the
 * next one, 28 to 32, and the samples cropped back, so the metrics compare them with the data as it
 * is. The minibatch per resolution ({@code batch-sizes}) is the first rows of each batch Nash
 * feeds, fed as {@code progan_batch}.
 */
@Doc(
    "ProGAN (Karras et al. 2018): progressive growing from 4x4 with fade-in, equalized learning rate,"
        + " pixel norm, minibatch stddev, drift term")
public final class ProGan implements Variant {
  public record Params(
      @Doc(
              "dimension of the latent, normalised by pixel norm (mean square 1) as the authors' code does")
          @Default("512")
          int latentDim,
      @Doc("feature maps at stage s are min(fmap-base / 2^s, fmap-max) (the authors: 8192)")
          @Default("8192")
          int fmapBase,
      @Doc("the most feature maps of any block (the authors: 512)") @Default("512") int fmapMax,
      @Doc("real images shown while each resolution trains alone (the paper: 600k)")
          @Default("600000")
          long stabiliseImages,
      @Doc("real images shown while each new resolution fades in (the paper: 600k)")
          @Default("600000")
          long fadeImages,
      @Doc(
              "minibatch by resolution, \"4:128, 8:128, 16:128, 32:64\"; a resolution not named"
                  + " uses training.batch-size")
          @Default("")
          String batchSizes,
      @Doc("equalized learning rate: N(0,1) weights scaled at run time by He's constant")
          @Default("true")
          boolean equalizedLr,
      @Doc("pixelwise feature vector normalisation after each of G's convolutions") @Default("true")
          boolean pixelNorm,
      @Doc("minibatch standard deviation in D's last block") @Default("true")
          boolean minibatchStddev,
      @Doc("samples per minibatch-stddev group, at least 2 (the authors: 4); divides every batch")
          @Default("4")
          int stddevGroup,
      @Doc("weight of the drift term E[D(x)^2] on D's real scores (the paper: 0.001); 0 is off")
          @Default("0.001")
          double drift) {
    public Params {
      layerWidth(latentDim, "latent-dim");
      layerWidth(fmapBase, "fmap-base");
      layerWidth(fmapMax, "fmap-max");
      nonNegative(stabiliseImages, "stabilise-images");
      nonNegative(fadeImages, "fade-images");
      BatchSizes.parse(batchSizes);
      if (stddevGroup < 2) {
        throw new IllegalArgumentException(
            "stddev-group: must be at least 2 (a group of one has no spread; turn the layer off"
                + " with minibatch-stddev: false), got "
                + stddevGroup);
      }
      nonNegative(drift, "drift");
    }
  }

  private final Params params;

  public ProGan(Params params) {
    this.params = params;
  }

  /** Square images of one stream, at least 4 x 4. */
  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(
        format -> {
          Shape shape = format.shape();
          if (!format.image() || shape.get(0) != shape.get(1) || shape.get(0) < 4) {
            return List.of(
                "ProGAN grows square images from 4 x 4; the samples have shape " + shape);
          }
          return List.of();
        });
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    if (context.discriminatorSteps() != 1 || !context.discriminatorSchedules().isEmpty()) {
      throw new IllegalArgumentException(
          "ProGAN updates D once per step, then G, as the paper does; training.d-steps must be 1"
              + " and techniques that schedule D (d-skip) do not apply");
    }
    Shape sample = context.sampleShape();
    int finalLevel = 64 - Long.numberOfLeadingZeros(sample.get(0) - 1);
    Architecture architecture =
        new Architecture(
            finalLevel,
            sample.get(2),
            params.latentDim(),
            params.fmapBase(),
            params.fmapMax(),
            params.pixelNorm(),
            params.minibatchStddev() ? params.stddevGroup() : 0,
            params.equalizedLr());
    Growth growth = growth(context, finalLevel);
    return GrowingProgram.build(context, architecture, growth, (float) params.drift());
  }

  /** The schedule, with every resolution's minibatch checked against the batch Nash feeds. */
  private Growth growth(VariantContext context, int finalLevel) {
    BatchSizes batches = BatchSizes.parse(params.batchSizes());
    int fed = context.batchSize();
    for (var entry : batches.byResolution().entrySet()) {
      if (entry.getKey() > 1 << finalLevel) {
        throw new IllegalArgumentException(
            "batch-sizes: resolution "
                + entry.getKey()
                + " is above the "
                + (1 << finalLevel)
                + " x "
                + (1 << finalLevel)
                + " the networks grow to");
      }
    }
    for (int level = Architecture.FIRST_LEVEL; level <= finalLevel; level++) {
      int batch = batches.at(1 << level, fed);
      if (batch > fed) {
        throw new IllegalArgumentException(
            "batch-sizes: "
                + (1 << level)
                + ":"
                + batch
                + " is more than training.batch-size "
                + fed
                + ", the rows of each batch Nash feeds");
      }
      if (params.minibatchStddev() && batch % params.stddevGroup() != 0) {
        throw new IllegalArgumentException(
            "the minibatch at "
                + (1 << level)
                + " x "
                + (1 << level)
                + " is "
                + batch
                + ", which does not divide into minibatch-stddev groups of stddev-group "
                + params.stddevGroup());
      }
    }
    Growth growth =
        new Growth(finalLevel, params.stabiliseImages(), params.fadeImages(), batches, fed);
    if (context.steps() <= growth.stepsToGrow()) {
      throw new IllegalArgumentException(
          "training.steps "
              + context.steps()
              + " ends before the networks reach "
              + (1 << finalLevel)
              + " x "
              + (1 << finalLevel)
              + ": growing there takes "
              + growth.stepsToGrow()
              + " steps at stabilise-images "
              + params.stabiliseImages()
              + " and fade-images "
              + params.fadeImages()
              + "; train longer or shorten the phases");
    }
    return growth;
  }
}
