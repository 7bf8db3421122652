package org.nashlab.variant.stylegan2;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.nonNegative;
import static org.nashlab.api.ParamChecks.positive;
import static org.nashlab.api.ParamChecks.size;

import java.util.List;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.SquarePadding;
import org.tensorflow.ndarray.Shape;

/**
 * StyleGAN2 (Karras et al. 2020), configuration F at small resolution: a mapping network to w, a
 * learned constant input, modulated and demodulated convolutions with per-layer noise, a skip
 * generator and a residual discriminator with minibatch standard deviation, every weight with the
 * equalized learning rate; style-mixing regularisation, lazy R1 on D and lazy path-length
 * regularisation on G ({@link LazySchedule}), the running average of w for the truncation trick.
 * The loss is the experiment's (the paper: {@code loss: non-saturating}); the EMA generator is
 * Nash's {@code ema} technique.
 *
 * <p>Images whose side is not a power of two are padded with the background (-1) to the next one,
 * 28 to 32, and the samples cropped back, so the metrics compare them with the data as it is.
 */
@Doc(
    "StyleGAN2 (Karras et al. 2020): mapping network, modulated convolutions, noise, style mixing,"
        + " truncation, lazy R1 and path-length regularisation")
public final class StyleGan2 implements Variant {
  public record Params(
      @Doc("dimension of z and of w (the paper: 512)") @Default("512") int latentDim,
      @Doc("dense layers of the mapping network (the paper: 8)") @Default("8") int mappingLayers,
      @Doc("learning-rate multiplier of the mapping network (the paper: 0.01)") @Default("0.01")
          double mappingLrMultiplier,
      @Doc(
              "feature maps at resolution r are min(fmap-base / r, fmap-max) (the authors: 32768, as"
                  + " channel_base)")
          @Default("32768")
          int fmapBase,
      @Doc("the most feature maps of any layer (the authors: 512)") @Default("512") int fmapMax,
      @Doc("probability of mixing two latents' styles at a random layer (the paper: 0.9); 0 is off")
          @Default("0.9")
          double styleMixing,
      @Doc("gamma of R1 on D, gamma / 2 E||grad D(x)||^2 on real data (the paper: 10); 0 is off")
          @Default("10")
          double r1Gamma,
      @Doc("D minibatches per R1 step, the term scaled by it (the paper: 16); 1 is every step")
          @Default("16")
          int r1Interval,
      @Doc("weight of path-length regularisation on G (the paper: 2); 0 is off") @Default("2")
          double plWeight,
      @Doc("G minibatches per path-length step, the term scaled by it (the paper: 4)") @Default("4")
          int plInterval,
      @Doc("decay of the path lengths' moving average (the paper: 0.01)") @Default("0.01")
          double plDecay,
      @Doc("the path-length minibatch is the batch divided by this (the authors: 2)") @Default("2")
          int plBatchShrink,
      @Doc(
              "decay per G update of the running average of w that truncation uses (the authors: 0.995)")
          @Default("0.995")
          double wAvgBeta,
      @Doc(
              "psi of the truncation trick for the samples the metrics evaluate and the pictures'"
                  + " samples: w_avg + psi (w - w_avg); 1 is none, as the authors' metrics use")
          @Default("1.0")
          double truncationPsi,
      @Doc("samples per minibatch-stddev group in D (the authors: 4); 0 is off; divides the batch")
          @Default("4")
          int stddevGroup) {
    public Params {
      layerWidth(latentDim, "latent-dim");
      positive(mappingLayers, "mapping-layers");
      if (!(mappingLrMultiplier > 0 && mappingLrMultiplier <= 1)) {
        throw new IllegalArgumentException(
            "mapping-lr-multiplier: must be in (0, 1], got " + mappingLrMultiplier);
      }
      size(fmapBase, 1 << 20, "fmap-base", "it is divided by the resolution, 4 or more");
      layerWidth(fmapMax, "fmap-max");
      fraction(styleMixing, "style-mixing");
      nonNegative(r1Gamma, "r1-gamma");
      positive(r1Interval, "r1-interval");
      nonNegative(plWeight, "pl-weight");
      positive(plInterval, "pl-interval");
      fraction(plDecay, "pl-decay");
      positive(plBatchShrink, "pl-batch-shrink");
      fraction(wAvgBeta, "w-avg-beta");
      if (!(truncationPsi >= 0 && truncationPsi <= 1)) {
        throw new IllegalArgumentException(
            "truncation-psi: must be in [0, 1], got " + truncationPsi);
      }
      nonNegative(stddevGroup, "stddev-group");
      if (stddevGroup == 1) {
        throw new IllegalArgumentException(
            "stddev-group: a group of one has no spread; use 0 to turn the layer off");
      }
    }
  }

  private final Params params;

  public StyleGan2(Params params) {
    this.params = params;
  }

  /** Square images of one stream, at least 8 x 8. */
  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(
        format -> {
          Shape shape = format.shape();
          if (!format.image() || shape.get(0) != shape.get(1) || shape.get(0) < 8) {
            return List.of(
                "StyleGAN2 synthesises square images of at least 8 x 8; the samples have shape "
                    + shape);
          }
          return List.of();
        });
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    if (context.discriminatorSteps() != 1 || !context.discriminatorSchedules().isEmpty()) {
      throw new IllegalArgumentException(
          "StyleGAN2 updates G once per step, then D, as the authors do; training.d-steps must be"
              + " 1 and techniques that schedule D (d-skip) do not apply");
    }
    int batch = context.batchSize();
    if (params.stddevGroup() > 0 && batch % params.stddevGroup() != 0) {
      throw new IllegalArgumentException(
          "stddev-group: training.batch-size "
              + batch
              + " does not divide into minibatch-stddev groups of "
              + params.stddevGroup());
    }
    if (params.plWeight() > 0 && batch % params.plBatchShrink() != 0) {
      throw new IllegalArgumentException(
          "pl-batch-shrink: training.batch-size "
              + batch
              + " does not divide by "
              + params.plBatchShrink());
    }
    Shape sample = context.sampleShape();
    Architecture architecture =
        new Architecture(
            SquarePadding.toPowerOfTwo(sample).networkLevel(),
            sample.get(2),
            params.latentDim(),
            params.mappingLayers(),
            params.fmapBase(),
            params.fmapMax(),
            params.stddevGroup());
    return StyleProgram.build(context, params, architecture);
  }
}
