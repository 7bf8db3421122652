package org.nashlab.report.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.TTest;

/**
 * Compares each group with the baseline on one metric, with Holm's correction across the groups.
 *
 * <pre>{@code
 * Map<String, Comparison> rows =
 *     BaselineComparison.of(plainFids, Map.of("spectral-norm", snFids, "r1", r1Fids),
 *         Direction.LOWER_IS_BETTER, BootstrapSettings.seeded(7));
 * rows.get("r1").verdict(); // "better than baseline (p_holm = 0.012)"
 * }</pre>
 *
 * <p>Tests: Welch's t-test (Apache Commons Statistics, unequal variances) drives the verdict, see
 * {@link Comparison}; the Mann-Whitney U test (Commons Statistics' defaults: exact when neither
 * sample reaches 50 values and there are no ties, otherwise the normal approximation with tie and
 * continuity corrections) is reported beside it. Both are corrected separately with Holm's method
 * over the groups given here. The significance level is {@code 1 - confidence} of the settings.
 *
 * <p>Each group's bootstrap draws its resamples (group first, baseline second) from the settings'
 * seed, so a row does not depend on the other groups. A group or a baseline with a single run is
 * reported untested, with undefined intervals.
 */
public final class BaselineComparison {
  private BaselineComparison() {}

  /**
   * @param baseline the baseline's per-run values (successful runs)
   * @param groups every other group's per-run values, in the order the rows should have
   * @return one comparison per group, in the order of {@code groups}
   * @throws IllegalArgumentException if a value is not finite or a group has no runs
   */
  public static Map<String, Comparison> of(
      double[] baseline,
      Map<String, double[]> groups,
      Direction direction,
      BootstrapSettings settings) {
    return of(baseline, groups, direction, settings.confidence(), () -> Bootstrap.of(settings));
  }

  static Map<String, Comparison> of(
      double[] baseline,
      Map<String, double[]> groups,
      Direction direction,
      double confidence,
      Supplier<Bootstrap> bootstraps) {
    requireRuns(baseline, "baseline");
    groups.forEach((name, values) -> requireRuns(values, name));
    List<Tested> tested =
        groups.values().stream()
            .map(values -> Tested.of(values, baseline, direction, confidence, bootstraps.get()))
            .toList();
    double[] welchHolm =
        HolmCorrection.adjust(tested.stream().mapToDouble(Tested::welchP).toArray());
    double[] mannWhitneyHolm =
        HolmCorrection.adjust(tested.stream().mapToDouble(Tested::mannWhitneyP).toArray());
    Map<String, Comparison> rows = new LinkedHashMap<>();
    int row = 0;
    for (String name : groups.keySet()) {
      Tested t = tested.get(row);
      String verdict =
          Verdict.of(
              direction,
              t.runs(),
              baseline.length,
              t.difference().value(),
              welchHolm[row],
              1 - confidence,
              t.runsNeeded());
      rows.put(
          name,
          new Comparison(
              t.difference(),
              t.probabilityOfImprovement(),
              t.welchP(),
              welchHolm[row],
              t.mannWhitneyP(),
              mannWhitneyHolm[row],
              t.runsNeeded(),
              verdict));
      row++;
    }
    return rows;
  }

  /**
   * P(X better than Y) = U / (n_x n_y), counting ties as one half: rliable's
   * probability_of_improvement (Agarwal et al. 2021) on oriented values.
   */
  static double probabilityOfImprovement(double[] x, double[] y, Direction direction) {
    double wins = 0;
    for (double a : x) {
      for (double b : y) {
        double margin = direction.orient(a) - direction.orient(b);
        wins += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
      }
    }
    return wins / ((double) x.length * y.length);
  }

  private static void requireRuns(double[] values, String name) {
    SampleStatistics.requireFinite(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(
          name + " has no successful runs; it can be reported by its success rate only");
    }
  }

  /** One group's numbers before the correction across groups. */
  private record Tested(
      int runs,
      Estimate difference,
      Estimate probabilityOfImprovement,
      double welchP,
      double mannWhitneyP,
      OptionalInt runsNeeded) {
    static Tested of(
        double[] group,
        double[] baseline,
        Direction direction,
        double confidence,
        Bootstrap bootstrap) {
      double difference = SampleStatistics.differenceOfMeans(group, baseline);
      double improvement = BaselineComparison.probabilityOfImprovement(group, baseline, direction);
      if (group.length < 2 || baseline.length < 2) {
        return new Tested(
            group.length,
            new Estimate(difference, Interval.UNDEFINED, Interval.UNDEFINED),
            new Estimate(improvement, Interval.UNDEFINED, Interval.UNDEFINED),
            Double.NaN,
            Double.NaN,
            OptionalInt.empty());
      }
      Resamples resamples = bootstrap.resample(group, baseline);
      return new Tested(
          group.length,
          bootstrap.estimate(resamples, s -> SampleStatistics.differenceOfMeans(s[0], s[1])),
          bootstrap.estimate(
              resamples, s -> BaselineComparison.probabilityOfImprovement(s[0], s[1], direction)),
          TTest.withDefaults()
              .with(DataDispersion.HETEROSCEDASTIC)
              .test(group, baseline)
              .getPValue(),
          MannWhitneyUTest.withDefaults().test(group, baseline).getPValue(),
          RunsNeeded.perGroup(group, baseline, 1 - confidence));
    }
  }
}
