package org.nashlab.metrics;

import static org.nashlab.api.ParamChecks.positive;
import static org.nashlab.api.ParamChecks.sampleCount;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;

/**
 * Density and coverage (Naeem et al. 2020, eqs. 3 and 4): density counts how many real k-NN balls
 * hold each generated sample, over {@code k}; coverage is the fraction of real balls holding at
 * least one generated sample.
 */
@Doc("density and coverage of generated features over real k-NN balls (Naeem 2020)")
public final class DensityCoverageMetric implements FeatureMetric {
  public record Params(
      @Doc("generated and real samples compared") @Default("10000") int samples,
      @Doc("the neighbour whose distance is a ball's radius") @Default("5") int k) {
    public Params {
      sampleCount(samples, "samples");
      positive(k, "k");
    }
  }

  private final Params params;
  private final RealOnce<FeatureManifold> real = new RealOnce<>();

  public DensityCoverageMetric(Params params) {
    this.params = params;
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    var realManifold = real.get(context, params.samples(), e -> FeatureManifold.of(e, params.k()));
    var fake = context.generatedFeatures(params.samples());
    NeighbourBalls.Membership membership =
        realManifold
            .balls()
            .membership(FeatureRows.of(fake.features(), fake.count(), fake.dimension()));
    double density = (double) membership.totalMemberships() / ((double) params.k() * fake.count());
    return Measurement.of("density", density, "coverage", membership.ballsReached());
  }
}
