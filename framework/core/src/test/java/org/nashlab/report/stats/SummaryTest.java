package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {
  private static final BootstrapSettings SETTINGS = new BootstrapSettings(2_000, 0.95, 11);

  @Test
  void interquartileMeanOfFourValuesIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, SampleStatistics.interquartileMean(new double[] {4, 1, 3, 2}));
  }

  @Test
  void interquartileMeanOfFiveValuesCutsOneAtEachEnd() {
    assertEquals(3.0, SampleStatistics.interquartileMean(new double[] {100, 2, 3, 4, -50}));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, SampleStatistics.median(new double[] {4, 1, 3, 2}));
  }

  @Test
  void summaryHoldsCountMeanAndSampleStandardDeviation() {
    Summary summary = Summary.of(new double[] {1, 2, 3, 4}, SETTINGS);
    assertEquals(4, summary.n());
    assertEquals(2.5, summary.mean().value());
    assertEquals(Math.sqrt(5.0 / 3), summary.standardDeviation(), 1e-15);
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    double[] values = {0.3, 1.7, 2.2, 2.9, 4.1, 6.5};
    Summary first = Summary.of(values, SETTINGS);
    assertEquals(first, Summary.of(values, SETTINGS));
    assertNotEquals(first, Summary.of(values, new BootstrapSettings(2_000, 0.95, 12)));
  }

  @Test
  void bcaIsCloseToPercentileForASymmetricSample() {
    // Symmetric about 0: the jackknife acceleration vanishes and z0 is 0 up to Monte Carlo error.
    double[] values = {-3, -2, -1, 0, 1, 2, 3};
    Summary summary = Summary.of(values, new BootstrapSettings(20_000, 0.95, 5));
    Interval percentile = summary.mean().percentile();
    Interval bca = summary.mean().bca();
    double width = percentile.high() - percentile.low();
    assertEquals(percentile.low(), bca.low(), 0.03 * width);
    assertEquals(percentile.high(), bca.high(), 0.03 * width);
  }

  @Test
  void bcaIsUndefinedForAConstantSampleAsInScipy() {
    Summary summary = Summary.of(new double[] {2, 2, 2}, SETTINGS);
    assertEquals(new Interval(2, 2), summary.mean().percentile());
    assertEquals(Interval.UNDEFINED, summary.mean().bca());
  }

  @Test
  void intervalsCoverTheMeanOfASkewedSample() {
    Summary summary = Summary.of(new double[] {1, 1.1, 1.2, 1.3, 9}, SETTINGS);
    for (Interval interval : new Interval[] {summary.mean().percentile(), summary.mean().bca()}) {
      assertTrue(
          interval.low() < summary.mean().value() && summary.mean().value() < interval.high());
    }
  }

  @Test
  void oneRunHasNoSpreadAndNoInterval() {
    Summary summary = Summary.of(new double[] {3}, SETTINGS);
    assertEquals(3, summary.mean().value());
    assertTrue(Double.isNaN(summary.standardDeviation()));
    assertEquals(Interval.UNDEFINED, summary.interquartileMean().bca());
  }

  @Test
  void aNonFiniteValueIsRejectedWithItsPosition() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Summary.of(new double[] {1, Double.NaN}, SETTINGS));
    assertEquals("values[1] is NaN; a failed run belongs in the failure count", error.getMessage());
  }
}
