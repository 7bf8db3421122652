package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedBestTest {
  private static final double[] FIDS = {40, 10, 30, 20};

  @Test
  void oneTrialExpectsTheMeanAndManyTendToTheBest() {
    double[] lower = ExpectedBest.expectedBest(FIDS, 200, Direction.LOWER_IS_BETTER);
    assertEquals(25, lower[0], 1e-12);
    assertEquals(10, lower[199], 1e-9);
    double[] higher = ExpectedBest.expectedBest(FIDS, 200, Direction.HIGHER_IS_BETTER);
    assertEquals(25, higher[0], 1e-12);
    assertEquals(40, higher[199], 1e-9);
  }

  @Test
  void twoTrialsFromTwoValuesFindTheBestThreeTimesInFour() {
    // Draws (a, a), (a, b), (b, a), (b, b): the minimum is 1 three times and 3 once.
    assertArrayEquals(
        new double[] {2, 1.5},
        ExpectedBest.expectedBest(new double[] {3, 1}, 2, Direction.LOWER_IS_BETTER),
        1e-15);
  }

  @Test
  void theCurveImprovesWithTheBudgetAndTheBandHoldsIt() {
    List<ExpectedBest.Point> curve =
        ExpectedBest.of(FIDS, 6, Direction.LOWER_IS_BETTER, new BootstrapSettings(2_000, 0.95, 3))
            .curve();
    for (int k = 1; k < curve.size(); k++) {
      assertTrue(curve.get(k).expected() <= curve.get(k - 1).expected());
    }
    for (ExpectedBest.Point point : curve) {
      assertTrue(point.band().low() <= point.expected() && point.expected() <= point.band().high());
    }
    assertEquals(6, curve.get(5).trials());
  }

  @Test
  void oneTrialHasNoBand() {
    ExpectedBest.Point point =
        ExpectedBest.of(new double[] {7}, 3, Direction.LOWER_IS_BETTER, BootstrapSettings.seeded(1))
            .curve()
            .get(2);
    assertEquals(7, point.expected());
    assertEquals(Interval.UNDEFINED, point.band());
  }
}
