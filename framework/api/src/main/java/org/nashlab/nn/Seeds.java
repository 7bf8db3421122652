package org.nashlab.nn;

import java.util.SplittableRandom;

/**
 * A deterministic stream of seeds. The same master seed always hands out the same sequence, so the
 * same code builds the same initial weights.
 */
public final class Seeds {
  private final SplittableRandom random;

  public Seeds(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next seed, never zero (TensorFlow treats a zero op seed as "unseeded"). */
  public long next() {
    long seed;
    do {
      seed = random.nextLong() & Long.MAX_VALUE;
    } while (seed == 0);
    return seed;
  }
}
