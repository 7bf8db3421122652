package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Summary} and {@link SuccessRate} against numpy, scipy and rliable. The bootstrap intervals
 * are scipy.stats.bootstrap's own, computed on the resample indices the Java code drew, so they
 * must agree to rounding. The data are multiples of 1/8: every mean and trimmed mean of a resample
 * is then exact in both languages, so no resample falls on the other side of the observed value
 * through rounding alone (with n = 5, 4% of resamples are permutations of the sample and would tie
 * it exactly). A last sample of arbitrary decimals is checked against scipy's own random
 * resampling, within the Monte Carlo error of 10,000 resamples.
 */
class SummaryReferenceIT {
  private static final int RESAMPLES = 10_000;
  private static final double[][] SAMPLES = {
    {1.5, 4.25},
    {3.0, 1.0, 2.125},
    {12.5, 9.75, 10.0, 30.125, 11.0},
    {2.0, 2.0, 2.5, 3.0, 3.0, 3.0, 7.25, 40.0},
    dyadic(new SplittableRandom(5), 13),
    {4.0, 4.0, 4.0},
  };
  private static final double[] DECIMALS = {0.731, 1.902, 0.344, 5.217, 1.18, 0.0912, 2.653, 1.4};
  private static final int[][] COUNTS = {{4, 1}, {0, 5}, {5, 0}, {7, 13}, {1, 1}};

  private static final String SCRIPT =
      """
      mean = lambda x, axis: np.mean(x, axis=axis)
      iqm = lambda x, axis: st.trim_mean(x, 0.25, axis=axis)
      for i in range(%d):
          x = values(f"values{i}.txt")
          out(f"n{i}", len(x))
          out(f"mean{i}", np.mean(x))
          out(f"std{i}", np.std(x, ddof=1))
          out(f"median{i}", np.median(x))
          out(f"iqm{i}", metrics.aggregate_iqm(x[:, None]))
          idx = draws(f"draws{i}.txt", 1)
          for name, statistic in (("mean", mean), ("iqm", iqm)):
              for method, ci in bootstrap_on(idx, (x,), statistic).items():
                  out(f"{name}_{method}_low{i}", ci.low)
                  out(f"{name}_{method}_high{i}", ci.high)
      x = values("decimals.txt")
      for method in ("percentile", "BCa"):
          ci = st.bootstrap((x,), mean, n_resamples=%d, method=method,
                            rng=np.random.default_rng(1)).confidence_interval
          out(f"decimals_{method}_low", ci.low)
          out(f"decimals_{method}_high", ci.high)
      for k, f in %s:
          ci = st.binomtest(k, k + f).proportion_ci(confidence_level=0.95, method="wilson")
          out(f"wilson_low{k}_{f}", ci.low)
          out(f"wilson_high{k}_{f}", ci.high)
      """;

  private static Map<String, Double> reference;
  private static Summary[] summaries;
  private static Summary decimals;

  @BeforeAll
  static void computeReference(@TempDir Path folder) throws Exception {
    summaries = new Summary[SAMPLES.length];
    for (int i = 0; i < SAMPLES.length; i++) {
      RecordingDraws draws = new RecordingDraws(100 + i);
      summaries[i] = Summary.of(SAMPLES[i], RecordingDraws.bootstrap(RESAMPLES, draws));
      RliableReference.writeValues(folder.resolve("values" + i + ".txt"), SAMPLES[i]);
      draws.write(folder.resolve("draws" + i + ".txt"));
    }
    decimals = Summary.of(DECIMALS, BootstrapSettings.seeded(9));
    RliableReference.writeValues(folder.resolve("decimals.txt"), DECIMALS);
    StringBuilder counts = new StringBuilder("(");
    for (int[] count : COUNTS) {
      counts.append('(').append(count[0]).append(", ").append(count[1]).append("), ");
    }
    String script = SCRIPT.formatted(SAMPLES.length, RESAMPLES, counts.append(')'));
    reference = RliableReference.run(script, folder);
  }

  @Test
  void countMeanStandardDeviationMedianAndIqmMatchNumpyAndRliable() {
    for (int i = 0; i < SAMPLES.length; i++) {
      Summary summary = summaries[i];
      assertEquals(reference.get("n" + i), summary.n());
      assertClose("mean" + i, summary.mean().value());
      assertClose("std" + i, summary.standardDeviation());
      assertClose("median" + i, summary.median());
      assertClose("iqm" + i, summary.interquartileMean().value());
    }
  }

  @Test
  void percentileAndBcaIntervalsMatchScipyOnTheSameResamples() {
    for (int i = 0; i < SAMPLES.length; i++) {
      assertInterval("mean_percentile", i, summaries[i].mean().percentile());
      assertInterval("mean_BCa", i, summaries[i].mean().bca());
      assertInterval("iqm_percentile", i, summaries[i].interquartileMean().percentile());
      assertInterval("iqm_BCa", i, summaries[i].interquartileMean().bca());
    }
  }

  @Test
  void seededIntervalsAgreeWithScipysOwnResamplingWithinMonteCarloError() {
    for (String method : new String[] {"percentile", "BCa"}) {
      double low = reference.get("decimals_" + method + "_low");
      double high = reference.get("decimals_" + method + "_high");
      Interval interval =
          method.equals("BCa") ? decimals.mean().bca() : decimals.mean().percentile();
      // An endpoint's Monte Carlo error at 10,000 resamples is about 1% of the width.
      double tolerance = 0.05 * (high - low);
      assertEquals(low, interval.low(), tolerance, method);
      assertEquals(high, interval.high(), tolerance, method);
    }
  }

  @Test
  void wilsonIntervalsMatchScipysBinomtest() {
    for (int[] count : COUNTS) {
      Interval interval = SuccessRate.of(count[0], count[1], 0.95).interval();
      String key = count[0] + "_" + count[1];
      assertClose("wilson_low" + key, interval.low());
      assertClose("wilson_high" + key, interval.high());
    }
  }

  private static void assertInterval(String name, int sample, Interval actual) {
    assertClose(name + "_low" + sample, actual.low());
    assertClose(name + "_high" + sample, actual.high());
  }

  static void assertClose(String key, double actual) {
    assertClose(reference, key, actual);
  }

  /** Equal to 1e-9 relative (absolute below 1), both {@code NaN} counting as equal. */
  static void assertClose(Map<String, Double> reference, String key, double actual) {
    Double expected = reference.get(key);
    if (expected == null) {
      throw new AssertionError("the reference printed no " + key + ": " + reference.keySet());
    }
    if (expected.isNaN()) {
      assertEquals(expected, actual, key);
    } else {
      assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), key);
    }
  }

  /** {@code n} multiples of 1/8 between 0 and 100, with ties likely. */
  static double[] dyadic(SplittableRandom random, int n) {
    return random.ints(n, 0, 800).mapToDouble(k -> k / 8.0).toArray();
  }
}
