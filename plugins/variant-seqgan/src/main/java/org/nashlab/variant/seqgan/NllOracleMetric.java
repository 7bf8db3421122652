package org.nashlab.variant.seqgan;

import static org.nashlab.api.ParamChecks.sampleCount;

import java.util.List;
import org.nashlab.api.DataSource;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;
import org.nashlab.api.Metric;

/**
 * NLL-oracle (Yu et al. 2017, eq. 14): the oracle's mean negative log-likelihood per token of the
 * generator's samples, in nats, as the authors' {@code target_loss} computes it (on 9,984 samples
 * there). Lower is better; the oracle's own samples score its entropy rate.
 */
@Doc(
    "the synthetic oracle's mean NLL per token of the generator's samples (Yu et al. 2017); needs oracle-sequences")
public final class NllOracleMetric implements Metric {
  public record Params(
      @Doc("generated sequences scored (the authors: 9,984)") @Default("10000") int samples) {
    public Params {
      sampleCount(samples, "samples");
    }
  }

  private final Params params;

  public NllOracleMetric(Params params) {
    this.params = params;
  }

  @Override
  public List<String> problemsWith(DataSource data) {
    return data instanceof SequenceOracle
        ? List.of()
        : List.of(
            "nll-oracle scores samples with the oracle of the oracle-sequences dataset; this data has no oracle");
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    SequenceOracle oracle = (SequenceOracle) context.data();
    return Measurement.of(
        "nll-oracle",
        oracle.negativeLogLikelihood(TokenRows.of(context.generated(params.samples()))));
  }
}
