package org.nashlab.train;

import java.util.SplittableRandom;
import org.nashlab.nn.Seeds;

/**
 * One master seed split into independent streams: weight initialisation, data order, latent noise,
 * and the fixed latent batch used for samples. Each stream depends only on the master seed, so
 * changing how much one stream is used never shifts another.
 */
final class RandomStreams {
  final Seeds init;
  final SplittableRandom data;
  final SplittableRandom noise;
  final SplittableRandom fixedLatent;

  RandomStreams(long masterSeed) {
    SplittableRandom root = new SplittableRandom(masterSeed);
    this.init = new Seeds(root.nextLong());
    this.data = root.split();
    this.noise = root.split();
    this.fixedLatent = root.split();
  }
}
