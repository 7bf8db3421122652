package org.nashlab.metrics;

import static org.nashlab.api.ParamChecks.positive;
import static org.nashlab.api.ParamChecks.sampleCount;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;

/** The Inception Score (Salimans et al. 2016) from the feature network's class probabilities. */
@Doc("Inception Score, exp E KL(p(y|x) || p(y)), mean and std over splits (Salimans 2016)")
public final class InceptionScoreMetric implements FeatureMetric {
  public record Params(
      @Doc("generated samples scored") @Default("10000") int samples,
      @Doc("equal parts the score is computed on") @Default("10") int splits) {
    public Params {
      sampleCount(samples, "samples");
      positive(splits, "splits");
    }
  }

  private final Params params;

  public InceptionScoreMetric(Params params) {
    this.params = params;
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    Embedding fake = context.generatedFeatures(params.samples());
    if (fake.classes() == 0) {
      throw new IllegalArgumentException(
          "inception-score needs class probabilities, and this feature network gives none");
    }
    InceptionScore.Score score =
        InceptionScore.of(fake.probabilities(), fake.count(), fake.classes(), params.splits());
    return Measurement.of("inception-score", score.mean(), "inception-score-std", score.std());
  }
}
