package org.nashlab.variant.seqgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The synthetic oracle: its density and its samples agree, and a seed fixes it everywhere. */
class OracleTest {
  /**
   * Two estimates of the oracle's entropy per sequence from its own samples: the mean NLL of the
   * samples, and the mean of the exact entropies of the next-token distributions along them. Both
   * are unbiased for the same quantity, so their paired difference is 0 within its standard error;
   * a sampler that drew from another law than the density scores would not be.
   */
  @Test
  void theOraclesNllOfItsOwnSamplesMatchesItsEntropyWithinSamplingError() {
    Oracle oracle = Oracle.random(66, 50, 8, 16);
    SplittableRandom random = new SplittableRandom(7);
    int n = 4000;
    double sum = 0;
    double sumSquares = 0;
    double entropy = 0;
    for (int i = 0; i < n; i++) {
      int[] sample = oracle.sample(12, random);
      double difference = oracle.negativeLogLikelihood(sample) - oracle.stepEntropies(sample);
      sum += difference;
      sumSquares += difference * difference;
      entropy += oracle.stepEntropies(sample);
    }
    double mean = sum / n;
    double standardError = Math.sqrt((sumSquares / n - mean * mean) / n);
    assertTrue(
        Math.abs(mean) < 4 * standardError,
        "NLL - entropy = " + mean + " per sequence, standard error " + standardError);
    assertTrue(standardError < 0.1, "the test can tell: standard error " + standardError);
    // Far from the uniform law's 12 log 50 = 46.9 nats: the N(0,1) oracle is peaked.
    assertTrue(entropy / n < 40, "entropy per sequence " + entropy / n);
  }

  @Test
  void theSameSeedGivesTheSameOracleAndSets() {
    OracleSource a = new OracleSource(Oracle.random(3, 20, 4, 4), 3, 6, 50, 10);
    OracleSource b = new OracleSource(Oracle.random(3, 20, 4, 4), 3, 6, 50, 10);
    for (int i = 0; i < 50; i++) {
      assertArrayEquals(a.train()[i], b.train()[i]);
    }
    assertEquals(a.negativeLogLikelihood(a.heldOut()), b.negativeLogLikelihood(b.heldOut()));
    OracleSource other = new OracleSource(Oracle.random(4, 20, 4, 4), 4, 6, 50, 10);
    assertTrue(a.negativeLogLikelihood(a.heldOut()) != other.negativeLogLikelihood(a.heldOut()));
  }
}
