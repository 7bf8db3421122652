package org.nashlab.variant.seqgan;

import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.sampleCount;
import static org.nashlab.api.ParamChecks.size;

import java.util.Optional;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.SampleFormat;

/**
 * SeqGAN's synthetic benchmark (Yu et al. 2017, section 4): sequences from a randomly initialised
 * LSTM, the oracle, whose density is known, so {@code nll-oracle} can score a generator's samples.
 * The paper: 20 tokens over a vocabulary of 5,000, embedding and hidden sizes 32, 10,000 training
 * sequences. The default vocabulary is 200 so that a run fits two cores; set 5000 for the paper's.
 */
@Doc(
    "sequences from SeqGAN's synthetic oracle, a random LSTM with N(0,1) parameters (Yu et al. 2017;"
        + " the paper: vocabulary 5000)")
public final class OracleSequencesDataset implements Dataset {
  /** Longest sequence: the generator and its rollouts unroll it, and rollouts cost its square. */
  static final int MAX_LENGTH = 200;

  public record Params(
      @Doc("tokens in the vocabulary (the paper: 5000)") @Default("200") int vocabulary,
      @Doc("tokens per sequence (the paper: 20)") @Default("20") int length,
      @Doc("the oracle's embedding size (the paper: 32)") @Default("32") int embeddingDim,
      @Doc("the oracle's LSTM hidden size (the paper: 32)") @Default("32") int hiddenDim,
      @Doc("seed of the oracle's parameters; the sets are drawn from a stream split off it")
          @Default("66")
          long oracleSeed,
      @Doc("training sequences, drawn once (the paper: 10,000)") @Default("10000") int trainSize,
      @Doc("held-out sequences for nll-test and bleu, drawn after the training set")
          @Default("2000")
          int testSize) {
    public Params {
      size(
          vocabulary,
          65_536,
          "vocabulary",
          "a token id is written as a float, exact to 2^24; the paper uses 5000");
      if (vocabulary < 2) {
        throw new IllegalArgumentException("vocabulary must be at least 2, got " + vocabulary);
      }
      size(
          length,
          MAX_LENGTH,
          "length",
          "the generator's rollouts cost length^2 cells; the paper uses 20");
      layerWidth(embeddingDim, "embedding-dim");
      layerWidth(hiddenDim, "hidden-dim");
      sampleCount(trainSize, "train-size");
      sampleCount(testSize, "test-size");
    }
  }

  private final Params params;

  public OracleSequencesDataset(Params params) {
    this.params = params;
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.unlabelled(params.length()));
  }

  @Override
  public DataSource open(DatasetContext context) {
    Oracle oracle =
        Oracle.random(
            params.oracleSeed(), params.vocabulary(), params.embeddingDim(), params.hiddenDim());
    return new OracleSource(
        oracle, params.oracleSeed(), params.length(), params.trainSize(), params.testSize());
  }
}
