package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nashlab.api.DataSource;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.FeatureContext;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Measurement;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Samples;
import org.nashlab.config.NashHome;
import org.nashlab.datasets.StackedMnistDataset;
import org.nashlab.features.TrainedClassifier;
import org.nashlab.metrics.ModeCoverageMetric;

/** The evaluation's numbers on real data, where the right answer is known. */
class EvaluationIT {

  @Test
  void fidOfTheTestSplitIsSmallAndOfNoiseIsLarge() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
    NashProcess bench = NashProcess.run(Map.of(), "bench", "fid");
    assertEquals(0, bench.exitCode(), bench.out() + bench.err());
    Matcher sanity =
        Pattern.compile("held-out split ([0-9.]+), uniform noise ([0-9.]+)").matcher(bench.out());
    assertTrue(sanity.find(), bench.out());
    double heldOut = Double.parseDouble(sanity.group(1));
    double noise = Double.parseDouble(sanity.group(2));
    assertTrue(
        heldOut < 5, "FID of the Fashion-MNIST test split against the train split: " + heldOut);
    assertTrue(noise > 100, "FID of uniform noise against Fashion-MNIST: " + noise);
  }

  @Test
  void realStackedMnistCoversNearlyAllThousandModes() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "stacked-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
    NashHome home = NashHome.fromEnvironment();
    DataSource stacked =
        new StackedMnistDataset(new StackedMnistDataset.Params(""))
            .open(new DatasetContext(home.data()));
    int n = 26_000;
    float[] values = new float[n * 28 * 28 * 3];
    stacked.fillBatch(values, n, new SplittableRandom(42));
    var params = new TrainedClassifier.Params(2000, 128, 0.001, 0.1, 1);
    try (FeatureNetwork network =
        new TrainedClassifier(params)
            .open(new FeatureContext(stacked, "stacked-mnist{path=}", home.features()))) {
      assertTrue(
          Double.parseDouble(network.provenance().get("held-out-accuracy")) > 0.9,
          network.provenance().toString());
      Embedding e = network.embed(new Samples(n, stacked.sampleShape(), values));
      assertEquals(1000, e.classes());
      // The metric itself, with real samples standing in for generated ones.
      Measurement m =
          new ModeCoverageMetric(
                  new ModeCoverageMetric.Params(
                      n,
                      0,
                      ModeCoverageMetric.Region.DISC,
                      ModeCoverageMetric.Counted.HIGH_QUALITY))
              .evaluate(
                  new EvaluationContext() {
                    @Override
                    public Samples generated(int count) {
                      throw new UnsupportedOperationException();
                    }

                    @Override
                    public Samples real(int count) {
                      throw new UnsupportedOperationException();
                    }

                    @Override
                    public Embedding generatedFeatures(int count) {
                      return e.first(count);
                    }

                    @Override
                    public Embedding realFeatures(int count) {
                      throw new UnsupportedOperationException();
                    }

                    @Override
                    public Optional<MixtureModes> modes() {
                      return Optional.empty();
                    }
                  });
      double covered = m.values().get("modes-covered");
      assertTrue(m.values().get("mode-kl") < 0.05, m.values().toString());
      assertTrue(m.collapse().isEmpty());
      assertTrue(covered >= 990, covered + " of 1000 modes in real Stacked MNIST");
    }
  }
}
