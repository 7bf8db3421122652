package org.nashlab.variant.seqgan;

/**
 * A capability of token sources drawn from a known model, the synthetic benchmark of SeqGAN: the
 * model's negative log-likelihood of any sequence, so a generator's samples can be scored by the
 * distribution they imitate.
 */
public interface SequenceOracle {
  /** The mean over tokens of {@code -log p(x_t | x_<t)}, in nats, of every sequence given. */
  double negativeLogLikelihood(int[][] sequences);
}
