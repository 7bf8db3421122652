package org.nashlab.report.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The budget view of a random search (Lucic et al. 2018, "Are GANs created equal?"): the expected
 * best value among k trials as a function of k, with a bootstrap band over the trials.
 *
 * <pre>{@code
 * ExpectedBest budget = ExpectedBest.of(fids, 20, Direction.LOWER_IS_BETTER, BootstrapSettings.seeded(7));
 * budget.curve().get(4).expected(); // expected best FID of 5 trials
 * }</pre>
 *
 * The expectation is the closed form of Dodge et al. 2019 ("Show your work", eq. 1): the k trials
 * are drawn with replacement from the n observed ones, so with the values ordered from worst v_(1)
 * to best v_(n), E[best of k] = sum_i v_(i) ((i/n)^k - ((i-1)/n)^k). The band is the percentile
 * interval of that curve over bootstrap resamples of the n trials; it is undefined for one trial.
 */
public record ExpectedBest(List<Point> curve) {
  /** The expected best of {@code trials} trials and its bootstrap band. */
  public record Point(int trials, double expected, Interval band) {}

  public ExpectedBest {
    curve = List.copyOf(curve);
  }

  /**
   * @param values one value per trial of the group (successful trials)
   * @param maxTrials the largest budget on the curve; the curve has budgets 1 to {@code maxTrials}
   * @throws IllegalArgumentException if there are no values, one is not finite, or {@code
   *     maxTrials} is below 1
   */
  public static ExpectedBest of(
      double[] values, int maxTrials, Direction direction, BootstrapSettings settings) {
    return of(values, maxTrials, direction, Bootstrap.of(settings));
  }

  static ExpectedBest of(double[] values, int maxTrials, Direction direction, Bootstrap bootstrap) {
    SampleStatistics.requireFinite(values, "values");
    if (values.length == 0 || maxTrials < 1) {
      throw new IllegalArgumentException(
          "the expected best needs at least one trial and a budget of at least 1, got "
              + values.length
              + " trials and a budget of "
              + maxTrials);
    }
    double[] expected = expectedBest(values, maxTrials, direction);
    Interval[] bands = new Interval[maxTrials];
    Arrays.fill(bands, Interval.UNDEFINED);
    if (values.length > 1) {
      Resamples resamples = bootstrap.resample(values);
      double[][] curves = new double[maxTrials][resamples.count()];
      for (int b = 0; b < resamples.count(); b++) {
        double[] curve = expectedBest(resamples.resample(b)[0], maxTrials, direction);
        for (int k = 0; k < maxTrials; k++) {
          curves[k][b] = curve[k];
        }
      }
      for (int k = 0; k < maxTrials; k++) {
        bands[k] = bootstrap.percentile(curves[k]);
      }
    }
    List<Point> curve = new ArrayList<>();
    for (int k = 0; k < maxTrials; k++) {
      curve.add(new Point(k + 1, expected[k], bands[k]));
    }
    return new ExpectedBest(curve);
  }

  /** Dodge et al. 2019, eq. 1: element k - 1 is the expected best of k trials. */
  static double[] expectedBest(double[] values, int maxTrials, Direction direction) {
    double[] worstFirst =
        Arrays.stream(values).map(direction::orient).sorted().map(direction::orient).toArray();
    int n = worstFirst.length;
    double[] expected = new double[maxTrials];
    for (int k = 1; k <= maxTrials; k++) {
      double sum = 0;
      for (int i = 1; i <= n; i++) {
        sum +=
            worstFirst[i - 1] * (Math.pow((double) i / n, k) - Math.pow((double) (i - 1) / n, k));
      }
      expected[k - 1] = sum;
    }
    return expected;
  }
}
