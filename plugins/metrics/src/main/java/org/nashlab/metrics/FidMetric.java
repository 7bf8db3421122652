package org.nashlab.metrics;

import static org.nashlab.api.ParamChecks.sampleCount;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;

/** The Frechet Inception Distance (Heusel et al. 2017) between generated and real features. */
@Doc("Frechet distance between Gaussians fitted to generated and real features (Heusel 2017)")
public final class FidMetric implements FeatureMetric {
  public record Params(@Doc("generated and real samples compared") @Default("10000") int samples) {
    public Params {
      sampleCount(samples, "samples");
    }
  }

  private final int samples;
  private final RealOnce<FrechetDistance.Reference> reference = new RealOnce<>();

  public FidMetric(Params params) {
    this.samples = params.samples();
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    FrechetDistance.Reference real =
        reference.get(context, samples, e -> FrechetDistance.Reference.of(moments(e)));
    return Measurement.of(
        "fid", FrechetDistance.between(moments(context.generatedFeatures(samples)), real));
  }

  private static FeatureMoments moments(Embedding e) {
    return FeatureMoments.of(FeatureRows.of(e.features(), e.count(), e.dimension()));
  }
}
