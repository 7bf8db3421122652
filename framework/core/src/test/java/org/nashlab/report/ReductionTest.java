package org.nashlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.MetricPoint;

class ReductionTest {
  private static final List<MetricPoint> CURVE =
      List.of(
          new MetricPoint(0, 1.0),
          new MetricPoint(100, 3.0),
          new MetricPoint(200, 2.0),
          new MetricPoint(300, 6.0));

  private static MetricSpec metric(Reduction reduction, boolean higher, int k, double threshold) {
    return new MetricSpec("m", reduction, higher, k, threshold);
  }

  @Test
  void finalBestAndLastK() {
    assertEquals(6.0, Reduction.FINAL.of(CURVE, metric(Reduction.FINAL, true, 1, 0)).getAsDouble());
    assertEquals(6.0, Reduction.BEST.of(CURVE, metric(Reduction.BEST, true, 1, 0)).getAsDouble());
    assertEquals(1.0, Reduction.BEST.of(CURVE, metric(Reduction.BEST, false, 1, 0)).getAsDouble());
    assertEquals(
        4.0, Reduction.LAST_K.of(CURVE, metric(Reduction.LAST_K, true, 2, 0)).getAsDouble());
  }

  @Test
  void areaUnderTheCurveIsTheTrapezoidsOverTheSpanOfSteps() {
    // (1+3)/2*100 + (3+2)/2*100 + (2+6)/2*100 = 200 + 250 + 400 = 850, over 300 steps.
    assertEquals(
        850.0 / 300,
        Reduction.AUC.of(CURVE, metric(Reduction.AUC, true, 1, 0)).getAsDouble(),
        1e-12);
  }

  @Test
  void thresholdIsTheFirstStepThatReachesItOrNone() {
    assertEquals(
        100.0,
        Reduction.THRESHOLD.of(CURVE, metric(Reduction.THRESHOLD, true, 1, 2.5)).getAsDouble());
    assertEquals(
        0.0,
        Reduction.THRESHOLD.of(CURVE, metric(Reduction.THRESHOLD, false, 1, 2.5)).getAsDouble());
    assertTrue(Reduction.THRESHOLD.of(CURVE, metric(Reduction.THRESHOLD, true, 1, 7)).isEmpty());
  }

  @Test
  void aStepLoggedTwiceCountsOnceWithItsLastValue() {
    List<MetricPoint> resumed =
        List.of(
            new MetricPoint(100, 1.0),
            new MetricPoint(200, 2.0),
            new MetricPoint(200, 2.0),
            new MetricPoint(300, 3.0));
    assertEquals(
        2.0, Reduction.LAST_K.of(resumed, metric(Reduction.LAST_K, true, 3, 0)).getAsDouble());
    assertTrue(Reduction.FINAL.of(List.of(), metric(Reduction.FINAL, true, 1, 0)).isEmpty());
  }
}
