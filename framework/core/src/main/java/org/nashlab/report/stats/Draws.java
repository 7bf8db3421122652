package org.nashlab.report.stats;

import java.util.SplittableRandom;

/**
 * Where a bootstrap's resample indices come from: one resample of a sample of size {@code n} is
 * {@code n} indices in {@code [0, n)}. Tests record them and hand the same indices to scipy.
 */
@FunctionalInterface
interface Draws {
  int[] indices(int n);

  /** Uniform draws with replacement from a seeded generator. */
  static Draws seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return n -> random.ints(n, 0, n).toArray();
  }
}
