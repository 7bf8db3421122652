package org.nashlab.variant.progan;

/**
 * The shape of both progressive networks, as the authors' {@code G_paper} and {@code D_paper} set
 * it: blocks from 4 x 4 to {@code 2^finalLevel}, the block of resolution {@code 2^level} with
 * {@code features(level - 1)} feature maps, {@code features(stage) = max(1, min(fmapBase / 2^stage,
 * fmapMax))} (their {@code fmap_decay} of 1).
 *
 * @param finalLevel log2 of the side the networks make and judge
 * @param channels the images' channels
 * @param latentDim the latent's dimension
 * @param fmapBase feature maps at stage 0 before the cap
 * @param fmapMax the cap on any block's feature maps
 * @param pixelNorm pixelwise feature normalisation after each of G's layers but toRGB
 * @param stddevGroup minibatch stddev group size in D's last block; 0 turns it off
 * @param equalized equalized learning rate in both networks
 */
record Architecture(
    int finalLevel,
    long channels,
    int latentDim,
    int fmapBase,
    int fmapMax,
    boolean pixelNorm,
    int stddevGroup,
    boolean equalized) {
  /** The first resolution's log2: 4 x 4, as in the paper. */
  static final int FIRST_LEVEL = 2;

  /** The side of the images the networks make and judge. */
  int side() {
    return 1 << finalLevel;
  }

  /**
   * Feature maps at {@code stage}: the block of resolution {@code 2^level} has {@code level - 1}.
   */
  long features(int stage) {
    return Math.max(1, Math.min(fmapBase >> stage, fmapMax));
  }
}
