package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nashlab.report.stats.SummaryReferenceIT.dyadic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BaselineComparison} against scipy, rliable and statsmodels for a lower-is-better metric:
 * the difference of means and rliable's probability_of_improvement (on negated values, since
 * rliable's is higher-is-better) with scipy.stats.bootstrap's percentile and BCa intervals on the
 * resamples Java drew; scipy's ttest_ind(equal_var=False) and mannwhitneyu; statsmodels' Holm
 * correction; the runs-needed formula written out with scipy's normal quantiles. Values are
 * multiples of 1/8, as in {@link SummaryReferenceIT}.
 *
 * <p>Mann-Whitney: Commons Statistics computes the exact p-value when there are no ties and neither
 * sample reaches 50 values, scipy's 'auto' only when a sample has at most 8; the reference is told
 * the method Commons chose, and the groups exercise both (ties, and a group of 60).
 */
class BaselineComparisonReferenceIT {
  private static final int RESAMPLES = 10_000;
  private static final double[] BASELINE = {30.5, 28.25, 35.0, 31.125, 29.75};
  private static final Map<String, double[]> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("better", new double[] {20.5, 22.0, 19.875, 25.25, 21.0, 18.5});
    GROUPS.put("ties", new double[] {30.5, 28.25, 28.25, 27.0, 31.125, 26.5, 29.75});
    GROUPS.put("similar", new double[] {29.0, 33.5, 30.25, 27.75});
    GROUPS.put("large", dyadic(new SplittableRandom(8), 60));
  }

  private static final String SCRIPT =
      """
      from scipy.stats import norm
      base = values("baseline.txt")
      diff = lambda x, y, axis: np.mean(x, axis=axis) - np.mean(y, axis=axis)
      # rliable's X-over-Y probability for higher-is-better scores; FID is lower-is-better.
      poi = lambda x, y: metrics.probability_of_improvement(-x[:, None], -y[:, None])
      welch, mwu = [], []
      for i in range(%d):
          g = values(f"group{i}.txt")
          idx = draws(f"draws{i}.txt", 2)
          out(f"difference{i}", np.mean(g) - np.mean(base))
          for method, ci in bootstrap_on(idx, (g, base), diff).items():
              out(f"difference_{method}_low{i}", ci.low)
              out(f"difference_{method}_high{i}", ci.high)
          out(f"poi{i}", poi(g, base))
          for method, ci in bootstrap_on(idx, (g, base), poi).items():
              out(f"poi_{method}_low{i}", ci.low)
              out(f"poi_{method}_high{i}", ci.high)
          welch.append(st.ttest_ind(g, base, equal_var=False).pvalue)
          both = np.concatenate([g, base])
          exact = len(np.unique(both)) == len(both) and max(len(g), len(base)) < 50
          mwu.append(st.mannwhitneyu(g, base, alternative="two-sided",
                                     method="exact" if exact else "asymptotic").pvalue)
          out(f"welch{i}", welch[-1])
          out(f"mwu{i}", mwu[-1])
          pooled = (((len(g) - 1) * np.var(g, ddof=1) + (len(base) - 1) * np.var(base, ddof=1))
                    / (len(g) + len(base) - 2))
          z = norm.ppf(0.975) + norm.ppf(0.8)
          d = np.mean(g) - np.mean(base)
          out(f"runs{i}", max(2, np.ceil(2 * z ** 2 * pooled / d ** 2)))
      for i, p in enumerate(multipletests(welch, method="holm")[1]):
          out(f"welch_holm{i}", p)
      for i, p in enumerate(multipletests(mwu, method="holm")[1]):
          out(f"mwu_holm{i}", p)
      """;

  private static Map<String, Double> reference;
  private static List<Comparison> rows;

  @BeforeAll
  static void computeReference(@TempDir Path folder) throws Exception {
    List<RecordingDraws> draws = new ArrayList<>();
    rows =
        List.copyOf(
            BaselineComparison.of(
                    BASELINE,
                    GROUPS,
                    Direction.LOWER_IS_BETTER,
                    0.95,
                    () -> {
                      draws.add(new RecordingDraws(200 + draws.size()));
                      return RecordingDraws.bootstrap(RESAMPLES, draws.get(draws.size() - 1));
                    })
                .values());
    RliableReference.writeValues(folder.resolve("baseline.txt"), BASELINE);
    int i = 0;
    for (double[] group : GROUPS.values()) {
      RliableReference.writeValues(folder.resolve("group" + i + ".txt"), group);
      draws.get(i).write(folder.resolve("draws" + i + ".txt"));
      i++;
    }
    reference = RliableReference.run(SCRIPT.formatted(GROUPS.size()), folder);
  }

  @Test
  void differenceOfMeansAndItsIntervalsMatchScipy() {
    for (int i = 0; i < rows.size(); i++) {
      assertEstimate("difference", i, rows.get(i).difference());
    }
  }

  @Test
  void probabilityOfImprovementMatchesRliableWithScipyIntervals() {
    for (int i = 0; i < rows.size(); i++) {
      assertEstimate("poi", i, rows.get(i).probabilityOfImprovement());
    }
  }

  @Test
  void welchAndMannWhitneyPValuesMatchScipyAndTheirHolmValuesStatsmodels() {
    for (int i = 0; i < rows.size(); i++) {
      Comparison row = rows.get(i);
      assertClose("welch" + i, row.welchP());
      assertClose("mwu" + i, row.mannWhitneyP());
      assertClose("welch_holm" + i, row.welchPHolm());
      assertClose("mwu_holm" + i, row.mannWhitneyPHolm());
    }
  }

  @Test
  void runsNeededMatchTheNormalApproximationWithScipysQuantiles() {
    for (int i = 0; i < rows.size(); i++) {
      assertClose("runs" + i, rows.get(i).runsPerGroupNeeded().orElseThrow());
    }
  }

  @Test
  void theClearlyLowerGroupIsBetterAndTheSimilarOneUndetected() {
    assertEquals(
        "better than baseline (p_holm " + Verdict.format(reference.get("welch_holm0")) + ")",
        rows.get(0).verdict());
    assertEquals(
        "no detectable difference with n = 4 against the baseline's 5 (p_holm "
            + Verdict.format(reference.get("welch_holm2"))
            + "); about "
            + reference.get("runs2").intValue()
            + " runs per group would detect a difference of this size",
        rows.get(2).verdict());
  }

  private static void assertEstimate(String name, int row, Estimate estimate) {
    assertClose(name + row, estimate.value());
    assertClose(name + "_percentile_low" + row, estimate.percentile().low());
    assertClose(name + "_percentile_high" + row, estimate.percentile().high());
    assertClose(name + "_BCa_low" + row, estimate.bca().low());
    assertClose(name + "_BCa_high" + row, estimate.bca().high());
  }

  private static void assertClose(String key, double actual) {
    SummaryReferenceIT.assertClose(reference, key, actual);
  }
}
