package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final Direction LOWER = Direction.LOWER_IS_BETTER;

  @Test
  void aSignificantDecreaseOfALowerIsBetterMetricIsBetter() {
    assertEquals(
        "better than baseline (p_holm = 0.012)",
        Verdict.of(LOWER, 5, 5, -3.0, 0.01234, 0.05, OptionalInt.of(4)));
  }

  @Test
  void aSignificantIncreaseOfALowerIsBetterMetricIsWorse() {
    assertEquals(
        "worse than baseline (p_holm = 0.03)",
        Verdict.of(LOWER, 5, 5, 3.0, 0.03, 0.05, OptionalInt.of(4)));
  }

  @Test
  void anUndetectedDifferenceSaysHowManyRunsWouldDetectIt() {
    assertEquals(
        "no detectable difference with n = 3 (p_holm = 0.41); about 14 runs per group would"
            + " detect a difference of this size",
        Verdict.of(LOWER, 3, 3, 1.0, 0.41, 0.05, OptionalInt.of(14)));
  }

  @Test
  void unequalCountsAreBothNamed() {
    assertEquals(
        "no detectable difference with n = 3 against the baseline's 5 (p_holm = 1); the means are"
            + " equal",
        Verdict.of(LOWER, 3, 5, 0.0, 1.0, 0.05, OptionalInt.empty()));
  }

  @Test
  void aSingleRunIsNotTested() {
    assertEquals(
        "not tested: each group needs at least 2 successful runs (n = 1 against the baseline's 4)",
        Verdict.of(LOWER, 1, 4, 1.0, Double.NaN, 0.05, OptionalInt.empty()));
  }

  @Test
  void tinyPValuesAreShownAsBelowOneThousandth() {
    assertEquals("< 0.001", Verdict.format(2e-7));
    assertEquals("= 0.0012", Verdict.format(0.001234));
  }
}
