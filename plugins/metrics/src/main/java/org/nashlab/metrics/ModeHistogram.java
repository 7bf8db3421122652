package org.nashlab.metrics;

import java.util.Optional;

/**
 * How generated samples spread over a fixed set of modes: the modes covered and the KL divergence
 * of the samples' mode histogram from the uniform one ({@code sum q log(q K)}, 0 when every mode
 * gets the same share, {@code log K} when one mode gets them all).
 */
final class ModeHistogram {
  private final long[] counts;
  private final boolean[] covered;

  ModeHistogram(int modes) {
    this.counts = new long[modes];
    this.covered = new boolean[modes];
  }

  /**
   * Adds {@code n} samples nearest to {@code mode}; {@code cover} if they count towards covering
   * it.
   */
  void add(int mode, long n, boolean cover) {
    counts[mode] += n;
    covered[mode] |= cover;
  }

  int modes() {
    return counts.length;
  }

  int covered() {
    int n = 0;
    for (boolean c : covered) {
      n += c ? 1 : 0;
    }
    return n;
  }

  /** The KL divergence from uniform; NaN when the histogram counted no sample. */
  double klFromUniform() {
    long total = java.util.Arrays.stream(counts).sum();
    if (total == 0) {
      return Double.NaN;
    }
    double kl = 0;
    for (long count : counts) {
      if (count > 0) {
        double q = (double) count / total;
        kl += q * Math.log(q * counts.length);
      }
    }
    return kl;
  }

  /**
   * A reason when at most a quarter of the modes are covered: the signal a sweep filters collapsed
   * runs on.
   */
  Optional<String> collapse() {
    int covered = covered();
    return covered * 4 <= modes()
        ? Optional.of(covered + " of " + modes() + " modes covered")
        : Optional.empty();
  }
}
