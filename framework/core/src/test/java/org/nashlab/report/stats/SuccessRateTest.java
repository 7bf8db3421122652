package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SuccessRateTest {
  @Test
  void wilsonIntervalOfFourOutOfFive() {
    // scipy.stats.binomtest(4, 5).proportion_ci(method='wilson')
    SuccessRate rate = SuccessRate.of(4, 1, 0.95);
    assertEquals(0.8, rate.rate());
    assertEquals(0.3755346297625253, rate.interval().low(), 1e-12);
    assertEquals(0.9637758913675698, rate.interval().high(), 1e-12);
  }

  @Test
  void noFailuresReachesOneAndNoSuccessesReachesZero() {
    assertEquals(1.0, SuccessRate.of(3, 0, 0.95).interval().high());
    assertEquals(0.0, SuccessRate.of(0, 3, 0.95).interval().low());
  }

  @Test
  void noRunsAtAllIsRejected() {
    var error = assertThrows(IllegalArgumentException.class, () -> SuccessRate.of(0, 0, 0.95));
    assertEquals(
        "a success rate needs non-negative counts and at least one run, got 0 successes and 0"
            + " failures",
        error.getMessage());
  }
}
