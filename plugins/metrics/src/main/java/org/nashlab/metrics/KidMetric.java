package org.nashlab.metrics;

import static org.nashlab.api.ParamChecks.positive;
import static org.nashlab.api.ParamChecks.sampleCount;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;

/** The Kernel Inception Distance (Binkowski et al. 2018) with its standard error. */
@Doc("Kernel Inception Distance, cubic polynomial kernel, block estimate and standard error")
public final class KidMetric implements FeatureMetric {
  public record Params(
      @Doc("generated and real samples compared") @Default("10000") int samples,
      @Doc("samples per block; the estimate averages samples / block-size blocks") @Default("1000")
          int blockSize) {
    public Params {
      sampleCount(samples, "samples");
      positive(blockSize, "block-size");
      if (samples < 2 * blockSize) {
        throw new IllegalArgumentException(
            "samples must be at least 2 x block-size for a standard error, got "
                + samples
                + " and "
                + blockSize);
      }
    }
  }

  private final Params params;
  private final RealOnce<DMatrixRMaj> realRows = new RealOnce<>();

  public KidMetric(Params params) {
    this.params = params;
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    DMatrixRMaj real = realRows.get(context, params.samples(), KidMetric::rows);
    KernelDistance.Estimate kid =
        KernelDistance.polynomial(
            rows(context.generatedFeatures(params.samples())), real, params.blockSize());
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("kid", kid.mean());
    values.put("kid-stderr", kid.standardError());
    return new Measurement(values, Optional.empty());
  }

  private static DMatrixRMaj rows(Embedding e) {
    return FeatureRows.of(e.features(), e.count(), e.dimension());
  }
}
