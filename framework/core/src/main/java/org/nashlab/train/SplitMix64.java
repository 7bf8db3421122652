package org.nashlab.train;

import java.util.random.RandomGenerator;

/**
 * Steele, Lea and Flood's SplitMix64 (2014), the generator behind {@link
 * java.util.SplittableRandom}, with its one word of state readable and restorable, so a checkpoint
 * can resume a random stream exactly where it stopped.
 */
final class SplitMix64 implements RandomGenerator {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  SplitMix64(long state) {
    this.state = state;
  }

  long state() {
    return state;
  }

  /** Puts the stream back where {@link #state()} was read. */
  void restore(long saved) {
    this.state = saved;
  }

  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** The finaliser of MurmurHash3 variant 13, as SplitMix64 uses it. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
