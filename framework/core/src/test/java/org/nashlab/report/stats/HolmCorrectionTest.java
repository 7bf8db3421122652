package org.nashlab.report.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HolmCorrectionTest {
  @Test
  void multipliesTheSmallestByTheFamilySizeAndKeepsTheOrder() {
    // statsmodels multipletests([0.01, 0.04, 0.03], method='holm')[1]
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06},
        HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03}),
        1e-15);
  }

  @Test
  void capsAtOne() {
    assertArrayEquals(new double[] {1, 1}, HolmCorrection.adjust(new double[] {0.6, 0.7}), 0);
  }

  @Test
  void untestedComparisonsAreLeftOutOfTheFamily() {
    assertArrayEquals(
        new double[] {0.02, Double.NaN, 0.04},
        HolmCorrection.adjust(new double[] {0.01, Double.NaN, 0.04}),
        1e-15);
  }

  @Test
  void adjustedValuesKeepTheOrderOfTheRawOnesAndNeverFallBelowThem() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 100; trial++) {
      double[] p = random.doubles(1 + random.nextInt(8)).toArray();
      double[] adjusted = HolmCorrection.adjust(p);
      for (int i = 0; i < p.length; i++) {
        assertTrue(adjusted[i] >= p[i] && adjusted[i] <= 1);
        for (int j = 0; j < p.length; j++) {
          assertTrue(p[i] > p[j] || adjusted[i] <= adjusted[j]);
        }
      }
    }
  }
}
