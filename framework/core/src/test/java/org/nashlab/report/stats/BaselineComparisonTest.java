package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
  private static final BootstrapSettings SETTINGS = new BootstrapSettings(2_000, 0.95, 1);
  private static final double[] BASELINE = {10, 11, 12, 13, 14};

  @Test
  void probabilityOfImprovementCountsTiesAsHalfAndFollowsTheDirection() {
    double[] x = {1, 2, 3};
    double[] y = {2, 2};
    // Higher is better: 3 beats both, 2 ties both, 1 loses: (2 + 1) / 6.
    assertEquals(
        0.5, BaselineComparison.probabilityOfImprovement(x, y, Direction.HIGHER_IS_BETTER));
    double[] z = {2.5, 5};
    // Only 3 beats 2.5: 1 / 6 when higher is better, 5 / 6 when lower is.
    assertEquals(
        1.0 / 6,
        BaselineComparison.probabilityOfImprovement(x, z, Direction.HIGHER_IS_BETTER),
        1e-15);
    assertEquals(
        5.0 / 6,
        BaselineComparison.probabilityOfImprovement(x, z, Direction.LOWER_IS_BETTER),
        1e-15);
  }

  @Test
  void aClearlyLowerFidIsBetterAndAClearlyHigherOneWorse() {
    Map<String, double[]> groups = new LinkedHashMap<>();
    groups.put("sn", new double[] {1, 2, 3, 2, 1});
    groups.put("broken", new double[] {30, 31, 33, 32, 30});
    Map<String, Comparison> rows =
        BaselineComparison.of(BASELINE, groups, Direction.LOWER_IS_BETTER, SETTINGS);
    assertEquals(List.of("sn", "broken"), List.copyOf(rows.keySet()));
    assertTrue(rows.get("sn").verdict().startsWith("better than baseline (p_holm "));
    assertTrue(rows.get("broken").verdict().startsWith("worse than baseline (p_holm "));
    assertEquals(1.0, rows.get("sn").probabilityOfImprovement().value());
    Interval difference = rows.get("sn").difference().percentile();
    assertTrue(difference.low() < -9.8 && difference.high() < 0);
  }

  @Test
  void theHolmValueIsAtLeastTheRawOne() {
    Map<String, double[]> groups =
        Map.of("a", new double[] {9, 10, 12, 12, 13}, "b", new double[] {8, 10, 11, 11, 12});
    for (Comparison row :
        BaselineComparison.of(BASELINE, groups, Direction.LOWER_IS_BETTER, SETTINGS).values()) {
      assertTrue(row.welchPHolm() >= row.welchP());
      assertTrue(row.mannWhitneyPHolm() >= row.mannWhitneyP());
    }
  }

  @Test
  void aGroupWithOneRunIsReportedUntested() {
    Comparison row =
        BaselineComparison.of(
                BASELINE, Map.of("one", new double[] {3}), Direction.LOWER_IS_BETTER, SETTINGS)
            .get("one");
    assertEquals(-9.0, row.difference().value());
    assertEquals(Interval.UNDEFINED, row.difference().percentile());
    assertTrue(Double.isNaN(row.welchPHolm()));
    assertEquals(
        "not tested: each group needs at least 2 successful runs (n = 1 against the baseline's 5)",
        row.verdict());
  }

  @Test
  void aGroupWithoutSuccessfulRunsIsRejectedByName() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BaselineComparison.of(
                    BASELINE, Map.of("gp", new double[0]), Direction.LOWER_IS_BETTER, SETTINGS));
    assertEquals(
        "gp has no successful runs; it can be reported by its success rate only",
        error.getMessage());
  }

  @Test
  void identicalConstantGroupsHaveNoDetectableDifference() {
    double[] constant = {4, 4, 4};
    Comparison row =
        BaselineComparison.of(
                constant, Map.of("same", constant.clone()), Direction.LOWER_IS_BETTER, SETTINGS)
            .get("same");
    assertEquals(0.5, row.probabilityOfImprovement().value());
    assertTrue(row.verdict().startsWith("no detectable difference"), row.verdict());
  }
}
