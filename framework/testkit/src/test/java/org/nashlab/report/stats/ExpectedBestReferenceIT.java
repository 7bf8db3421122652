package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExpectedBest} against a numpy transcription of Dodge et al.'s closed form, a brute-force
 * Monte Carlo of the best of k draws with replacement, and the band recomputed in numpy on the
 * resamples Java drew.
 */
class ExpectedBestReferenceIT {
  private static final int RESAMPLES = 10_000;
  private static final int BUDGET = 12;
  private static final int DRAWS = 200_000;
  private static final double[] FIDS = {41.3, 18.02, 25.7, 25.7, 60.11, 19.9, 33.0, 22.45};

  private static final String SCRIPT =
      """
      x = values("fids.txt")
      K = %d

      def expected_min(v):
          # Dodge et al. 2019, eq. 1, for a metric to minimise: best first means largest first
          w = np.sort(v)[::-1]
          n = len(w)
          i = np.arange(1, n + 1)
          return np.array([np.sum(w * ((i / n) ** k - ((i - 1) / n) ** k)) for k in range(1, K + 1)])

      for k, e in enumerate(expected_min(x), start=1):
          out(f"closed{k}", e)
      rng = np.random.default_rng(3)
      for k in range(1, K + 1):
          best = x[rng.integers(0, len(x), size=(%d, k))].min(axis=1)
          out(f"monte_carlo{k}", best.mean())
          out(f"monte_carlo_se{k}", best.std(ddof=1) / np.sqrt(len(best)))
      curves = np.array([expected_min(x[i]) for i in draws("draws.txt", 1)[0]])
      low, high = np.percentile(curves, [2.5, 97.5], axis=0)
      for k in range(1, K + 1):
          out(f"band_low{k}", low[k - 1])
          out(f"band_high{k}", high[k - 1])
      """;

  private static Map<String, Double> reference;
  private static List<ExpectedBest.Point> curve;

  @BeforeAll
  static void computeReference(@TempDir Path folder) throws Exception {
    RecordingDraws draws = new RecordingDraws(31);
    curve =
        ExpectedBest.of(
                FIDS, BUDGET, Direction.LOWER_IS_BETTER, RecordingDraws.bootstrap(RESAMPLES, draws))
            .curve();
    RliableReference.writeValues(folder.resolve("fids.txt"), FIDS);
    draws.write(folder.resolve("draws.txt"));
    reference = RliableReference.run(SCRIPT.formatted(BUDGET, DRAWS), folder);
  }

  @Test
  void curveMatchesTheClosedFormInNumpy() {
    for (ExpectedBest.Point point : curve) {
      assertClose("closed" + point.trials(), point.expected());
    }
  }

  @Test
  void curveMatchesABruteForceMonteCarloWithinFiveStandardErrors() {
    for (ExpectedBest.Point point : curve) {
      int k = point.trials();
      assertEquals(
          reference.get("monte_carlo" + k),
          point.expected(),
          5 * reference.get("monte_carlo_se" + k),
          "k = " + k);
    }
  }

  @Test
  void bandMatchesNumpyOnTheSameResamples() {
    for (ExpectedBest.Point point : curve) {
      assertClose("band_low" + point.trials(), point.band().low());
      assertClose("band_high" + point.trials(), point.band().high());
    }
  }

  private static void assertClose(String key, double actual) {
    SummaryReferenceIT.assertClose(reference, key, actual);
  }
}
