package org.nashlab.eval;

import java.util.Optional;
import org.nashlab.api.DataSource;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Samples;

/**
 * One evaluation: generated samples and their features are drawn at the largest size a metric asks
 * for, once, and each metric reads a prefix.
 */
final class EvaluationRound implements EvaluationContext {
  private final GeneratedSamples generator;
  private final Evaluator evaluator;
  private Samples generated;
  private Embedding generatedFeatures;
  private Samples real;

  EvaluationRound(GeneratedSamples generator, Evaluator evaluator) {
    this.generator = generator;
    this.evaluator = evaluator;
  }

  @Override
  public Samples generated(int n) {
    if (generated == null || generated.count() < n) {
      generated = generator.draw(n);
      generatedFeatures = null;
    }
    return generated.first(n);
  }

  @Override
  public Samples real(int n) {
    if (real == null || real.count() < n) {
      real = evaluator.reference().draw(n);
    }
    return real.first(n);
  }

  @Override
  public Embedding generatedFeatures(int n) {
    if (generatedFeatures == null || generatedFeatures.count() < n) {
      generatedFeatures = evaluator.network().embed(generated(n));
    }
    return generatedFeatures.first(n);
  }

  @Override
  public Embedding realFeatures(int n) {
    return evaluator.realFeatures(n);
  }

  @Override
  public DataSource data() {
    return evaluator.reference().source();
  }

  @Override
  public Optional<MixtureModes> modes() {
    return evaluator.modes();
  }
}
