package org.nashlab.train;

import org.nashlab.nn.Seeds;

/**
 * One master seed split into independent streams: weight initialisation, data order, latent noise,
 * the fixed latent batch used for samples, and the seed of a dataset's fixed set. Each stream
 * depends only on the master seed, so changing how much one stream is used never shifts another;
 * the data and noise streams' positions are saved in checkpoints.
 */
final class RandomStreams {
  final Seeds init;
  final SplitMix64 data;
  final SplitMix64 noise;
  final SplitMix64 fixedLatent;
  private final long dataset;

  RandomStreams(long masterSeed) {
    this.init = new Seeds(stream(masterSeed, 1));
    this.data = new SplitMix64(stream(masterSeed, 2));
    this.noise = new SplitMix64(stream(masterSeed, 3));
    this.fixedLatent = new SplitMix64(stream(masterSeed, 4));
    this.dataset = stream(masterSeed, 5);
  }

  /** The seed of data stream {@code stream}'s fixed set: two streams never draw the same set. */
  long datasetSeed(String stream) {
    return SplitMix64.mix(dataset + stream.hashCode());
  }

  /**
   * The starting state of stream {@code index}: the master seed's {@code index}-th SplitMix64
   * output.
   */
  private static long stream(long masterSeed, int index) {
    return SplitMix64.mix(masterSeed + index * 0x9e3779b97f4a7c15L);
  }
}
