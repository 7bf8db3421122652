package org.nashlab.metrics;

import static org.nashlab.api.ParamChecks.positive;
import static org.nashlab.api.ParamChecks.sampleCount;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;

/**
 * Improved precision and recall (Kynkaanniemi et al. 2019): precision is the fraction of generated
 * samples inside the real manifold (the union of k-NN balls around real features), recall the
 * fraction of real samples inside the generated manifold.
 */
@Doc(
    "precision and recall against k-NN manifolds of real and generated features (Kynkaanniemi 2019)")
public final class PrecisionRecallMetric implements FeatureMetric {
  public record Params(
      @Doc("generated and real samples compared") @Default("10000") int samples,
      @Doc("the neighbour whose distance is a ball's radius") @Default("3") int k) {
    public Params {
      sampleCount(samples, "samples");
      positive(k, "k");
    }
  }

  private final Params params;
  private final RealOnce<FeatureManifold> real = new RealOnce<>();

  public PrecisionRecallMetric(Params params) {
    this.params = params;
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    FeatureManifold realManifold =
        real.get(context, params.samples(), e -> FeatureManifold.of(e, params.k()));
    FeatureManifold fake =
        FeatureManifold.of(context.generatedFeatures(params.samples()), params.k());
    double precision = realManifold.balls().membership(fake.rows()).queriesInside();
    double recall = fake.balls().membership(realManifold.rows()).queriesInside();
    return Measurement.of("precision", precision, "recall", recall);
  }
}
