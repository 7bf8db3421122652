package org.nashlab.variant.seqgan;

/**
 * A capability of token sources that keep sequences out of training: the test set that {@code
 * nll-test} and {@code bleu} read.
 */
public interface HeldOutSequences {
  /** The held-out sequences, each as long as a sample, padded after its end as the samples are. */
  int[][] heldOut();

  /**
   * How many tokens of {@code sample} are content, before its end token; the whole sample when the
   * source has no end token.
   */
  int contentLength(int[] sample);
}
