package org.nashlab.datasets;

/** How batches are drawn from a fixed set of samples. */
public enum Sampling {
  /**
   * In epochs: every sample once per epoch, in a fresh shuffle each epoch (as PacGAN's code feeds
   * its 100,000 points); a batch that crosses an epoch's end takes the rest from the next one.
   */
  EPOCHS,
  /** Each sample of a batch uniformly from the set, with replacement. */
  UNIFORM
}
