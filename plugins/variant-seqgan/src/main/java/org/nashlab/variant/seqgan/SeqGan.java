package org.nashlab.variant.seqgan;

import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.List;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.TokenSequences;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;

/**
 * SeqGAN (Yu et al. 2017): a generator of token sequences, an LSTM, pre-trained by maximum
 * likelihood and then trained as a policy by REINFORCE, each token rewarded by a CNN
 * discriminator's judgement of Monte Carlo completions of its prefix ({@link Rollouts}); D is
 * pre-trained on real against generated sequences and updated {@code training.d-steps} times per
 * policy update. {@code adversarial: false} is the maximum-likelihood baseline of the same
 * experiment, G trained by maximum likelihood on every step. The parameters' defaults are the
 * authors' values (the training differs where the README lists it: one optimizer for G's two
 * objectives, no gradient clipping); {@code training.steps} counts the phases together.
 */
@Doc(
    "SeqGAN (Yu et al. 2017): LSTM generator pre-trained by MLE, then REINFORCE with rewards from a"
        + " CNN discriminator by Monte Carlo rollouts; adversarial: false is the MLE baseline")
public final class SeqGan implements Variant {
  public record Params(
      @Doc("G's token embedding size (the authors: 32)") @Default("32") int embeddingDim,
      @Doc("G's LSTM hidden size (the authors: 32)") @Default("32") int hiddenDim,
      @Doc("D's token embedding size (the authors: 64)") @Default("64")
          int discriminatorEmbeddingDim,
      @Doc(
              "D's convolutions, \"width:count, ...\" (the authors': widths 1 to 10, 15 and 20, 1720 in all)")
          @Default(Filters.PAPER)
          String filters,
      @Doc("dropout before D's output layer (the authors: keep 0.75)") @Default("0.25")
          double dropout,
      @Doc("weight of the L2 term on D's output layer (the authors: 0.2)") @Default("0.2")
          double l2,
      @Doc("Monte Carlo completions per prefix for the rewards (the authors: 16)") @Default("16")
          int rollouts,
      @Doc("steps of G's maximum-likelihood pre-training (the authors: 120 epochs of 156 batches)")
          @Default("18720")
          long pretrainGeneratorSteps,
      @Doc("steps of D's pre-training, one update each (the authors: 50 x 3 epochs of 312 batches)")
          @Default("46800")
          long pretrainDiscriminatorSteps,
      @Doc("false: the maximum-likelihood baseline, G trained by MLE on every step, no D")
          @Default("true")
          boolean adversarial) {
    public Params {
      layerWidth(embeddingDim, "embedding-dim");
      layerWidth(hiddenDim, "hidden-dim");
      layerWidth(discriminatorEmbeddingDim, "discriminator-embedding-dim");
      Filters.parse(filters);
      if (!(dropout >= 0 && dropout < 1)) {
        throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
      }
      nonNegative(l2, "l2");
      if (rollouts < 1 || rollouts > 256) {
        throw new IllegalArgumentException(
            "rollouts must be in [1, 256] (each is a batch of completions per prefix; the authors use 16), got "
                + rollouts);
      }
      nonNegative(pretrainGeneratorSteps, "pretrain-generator-steps");
      nonNegative(pretrainDiscriminatorSteps, "pretrain-discriminator-steps");
    }
  }

  private final Params params;

  public SeqGan(Params params) {
    this.params = params;
  }

  /** One stream of token sequences, at least as long as D's widest convolution. */
  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(
        format -> {
          if (format.shape().numDimensions() != 1 || format.labelled()) {
            return List.of(
                "SeqGAN reads sequences of tokens (oracle-sequences, text-lines), samples of shape"
                    + " [length]; the samples have shape "
                    + format.shape());
          }
          int widest = Filters.parse(params.filters()).widest();
          if (format.shape().get(0) < widest) {
            return List.of(
                "filters: D's widest convolution spans "
                    + widest
                    + " tokens, more than the sequences' "
                    + format.shape().get(0)
                    + "; drop the wider widths");
          }
          return List.of();
        });
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    if (!(context.source(VariantContext.REAL) instanceof TokenSequences tokens)) {
      throw new IllegalArgumentException(
          "SeqGAN reads token sequences (oracle-sequences, text-lines); this dataset's samples are not tokens");
    }
    if (!context.discriminatorSchedules().isEmpty()) {
      throw new IllegalArgumentException(
          "SeqGAN's phases fix when D trains; techniques that schedule D (d-skip) do not apply");
    }
    Phases phases =
        new Phases(
            params.pretrainGeneratorSteps(),
            params.pretrainDiscriminatorSteps(),
            params.adversarial(),
            context.discriminatorSteps());
    if (params.adversarial() && phases.adversarialSteps(context.steps()) == 0) {
      throw new IllegalArgumentException(
          "training.steps "
              + context.steps()
              + " ends before adversarial training starts: pre-training takes pretrain-generator-steps "
              + params.pretrainGeneratorSteps()
              + " + pretrain-discriminator-steps "
              + params.pretrainDiscriminatorSteps()
              + "; train longer or shorten the pre-training");
    }
    return SeqGanProgram.build(context, params, phases, tokens.vocabularySize());
  }
}
