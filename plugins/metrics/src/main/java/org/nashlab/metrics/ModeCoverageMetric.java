package org.nashlab.metrics;

import static org.nashlab.api.ParamChecks.nonNegative;
import static org.nashlab.api.ParamChecks.sampleCount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.DataSource;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.Measurement;
import org.nashlab.api.Metric;
import org.nashlab.api.MixtureModes;

/**
 * How many modes the generator covers. On a mixture of Gaussians it follows VEEGAN/PacGAN (see
 * {@link MixtureCoverage}) and also reports the fraction of high-quality samples; {@code
 * high-quality} and {@code histogram} choose between the two readings in use, by default PacGAN's
 * code's (a disc of 3 std, a histogram of high-quality samples). With no high-quality sample that
 * histogram is empty and {@code mode-kl} is not reported. On labelled data the modes are the
 * classes the feature network predicts (on Stacked MNIST the 1000 digit triples): a class is
 * covered when it gets at least {@code min-share} of its uniform share of the samples, by default a
 * tenth, so stray predictions of a collapsed generator do not count. Both report the KL divergence
 * of the mode histogram from uniform, and flag a collapse when at most a quarter of the modes are
 * covered.
 */
@Doc("modes covered, high-quality fraction and KL of the mode histogram to uniform (VEEGAN)")
public final class ModeCoverageMetric implements Metric {
  /** Where a sample must lie around its nearest mode to be high quality. */
  public enum Region {
    /** Euclidean distance below 3 std. */
    DISC,
    /** Every coordinate within 3 std. */
    BOX
  }

  /** Which samples the mode histogram counts. */
  public enum Counted {
    /** High-quality samples only. */
    HIGH_QUALITY,
    /** Every sample, at its nearest mode. */
    ALL
  }

  public record Params(
      @Doc("generated samples counted") @Default("2500") int samples,
      @Doc(
              "classified data: the share of its uniform count a class needs to be covered; 0"
                  + " counts one sample (the Stacked MNIST protocol)")
          @Default("0.1")
          double minShare,
      @Doc(
              "mixtures: a sample is high quality within 3 std of its mode as a disc (Euclidean,"
                  + " PacGAN's code) or a box (each coordinate)")
          @Default("disc")
          Region highQuality,
      @Doc(
              "mixtures: the mode histogram counts high-quality samples (PacGAN's code) or all"
                  + " samples at their nearest mode")
          @Default("high-quality")
          Counted histogram) {
    public Params {
      sampleCount(samples, "samples");
      nonNegative(minShare, "min-share");
    }
  }

  private static final double DEFAULT_MIN_SHARE = 0.1;
  private final int samples;
  private final double minShare;
  private final Region region;
  private final Counted counted;

  public ModeCoverageMetric(Params params) {
    this.samples = params.samples();
    this.minShare = params.minShare();
    this.region = params.highQuality();
    this.counted = params.histogram();
  }

  /** The readings of one kind of data set on the other kind would change nothing: refused. */
  @Override
  public List<String> problemsWith(DataSource data) {
    if (data instanceof MixtureModes) {
      return minShare == DEFAULT_MIN_SHARE
          ? List.of()
          : List.of(
              "min-share applies to classified data; on a mixture of Gaussians high-quality and"
                  + " histogram decide what covers a mode");
    }
    return region == Region.DISC && counted == Counted.HIGH_QUALITY
        ? List.of()
        : List.of(
            "high-quality and histogram apply to mixtures of Gaussians; on this data the modes are"
                + " the classes the feature network predicts (min-share decides coverage)");
  }

  @Override
  public boolean needsFeatures(DataSource data) {
    return !(data instanceof MixtureModes);
  }

  @Override
  public Measurement evaluate(EvaluationContext context) {
    Map<String, Double> values = new LinkedHashMap<>();
    ModeHistogram histogram;
    if (context.modes().isPresent()) {
      MixtureCoverage coverage =
          MixtureCoverage.of(context.generated(samples), context.modes().get(), region, counted);
      histogram = coverage.histogram();
      values.put("modes-covered", (double) histogram.covered());
      values.put("high-quality", coverage.highQuality());
    } else {
      histogram = predictedClasses(context.generatedFeatures(samples));
      values.put("modes-covered", (double) histogram.covered());
    }
    double kl = histogram.klFromUniform();
    if (!Double.isNaN(kl)) {
      values.put("mode-kl", kl);
    }
    return new Measurement(values, histogram.collapse());
  }

  private ModeHistogram predictedClasses(Embedding e) {
    if (e.classes() == 0) {
      throw new IllegalArgumentException(
          "mode-coverage on data that is not a mixture needs a classifier as feature network");
    }
    int[] counts = new int[e.classes()];
    for (int i = 0; i < e.count(); i++) {
      int best = 0;
      for (int c = 1; c < e.classes(); c++) {
        if (e.probabilities()[i * e.classes() + c] > e.probabilities()[i * e.classes() + best]) {
          best = c;
        }
      }
      counts[best]++;
    }
    double needed = Math.max(1, minShare * e.count() / e.classes());
    ModeHistogram histogram = new ModeHistogram(e.classes());
    for (int c = 0; c < counts.length; c++) {
      histogram.add(c, counts[c], counts[c] >= needed);
    }
    return histogram;
  }
}
