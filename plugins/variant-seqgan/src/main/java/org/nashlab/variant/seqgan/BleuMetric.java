package org.nashlab.variant.seqgan;

import static org.nashlab.api.ParamChecks.sampleCount;
import static org.nashlab.api.ParamChecks.size;

import java.util.Arrays;
import java.util.List;
import org.nashlab.api.DataSource;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;
import org.nashlab.api.Metric;

/**
 * BLEU-n of the generator's samples against the dataset's held-out sequences, every one a reference
 * for every sample ({@link Bleu}: Texygen's reading, NLTK's sentence BLEU with smoothing method 1,
 * averaged over samples). Logged as {@code eval/bleu-N}; higher is closer to the held-out text. It
 * measures quality, not diversity: a generator repeating one good line scores high.
 */
@Doc(
    "BLEU-n of samples against the held-out sequences (Texygen's sentence BLEU, smoothing method 1)")
public final class BleuMetric implements Metric {
  public record Params(
      @Doc("the longest n-gram, weights uniform over 1..n") @Default("4") int n,
      @Doc("generated sequences scored") @Default("1000") int samples,
      @Doc("at most this many held-out sequences as references; 0 takes them all") @Default("0")
          int references) {
    public Params {
      size(n, 8, "n", "BLEU is reported up to 4- or 5-grams");
      sampleCount(samples, "samples");
      if (references < 0) {
        throw new IllegalArgumentException("references must be 0 (all) or more, got " + references);
      }
    }
  }

  private final Params params;

  public BleuMetric(Params params) {
    this.params = params;
  }

  @Override
  public List<String> problemsWith(DataSource data) {
    if (!(data instanceof HeldOutSequences heldOut)) {
      return List.of(
          "bleu compares samples with held-out sequences (oracle-sequences, text-lines); this data holds none");
    }
    return heldOut.heldOut().length == 0
        ? List.of(
            "bleu needs held-out sequences; the dataset holds none (raise its test-size or held-out)")
        : List.of();
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    HeldOutSequences source = (HeldOutSequences) context.data();
    int[][] heldOut = source.heldOut();
    int references =
        params.references() == 0 ? heldOut.length : Math.min(params.references(), heldOut.length);
    Bleu bleu =
        new Bleu(
            params.n(),
            Arrays.stream(heldOut, 0, references).map(r -> content(source, r)).toList());
    List<int[]> samples =
        Arrays.stream(TokenRows.of(context.generated(params.samples())))
            .map(s -> content(source, s))
            .toList();
    return Measurement.of("bleu-" + params.n(), bleu.mean(samples));
  }

  private static int[] content(HeldOutSequences source, int[] sample) {
    return Arrays.copyOf(sample, source.contentLength(sample));
  }
}
