package org.nashlab.variant.stylegan2;

/**
 * The networks' sizes: the side {@code 2^level} both work at, the feature maps per resolution
 * ({@code min(fmap-base / resolution, fmap-max)}, the authors' {@code channel_base} and {@code
 * channel_max}), the latent and the mapping network.
 *
 * @param level log2 of the side, at least 3 (8 x 8)
 * @param imageChannels 1 for grey, 3 for colour
 * @param latentDim the dimension of z and of w
 * @param mappingLayers the mapping network's dense layers
 * @param fmapBase feature maps at resolution r are {@code min(fmapBase / r, fmapMax)}
 * @param fmapMax the most feature maps of any layer
 * @param stddevGroup samples per minibatch-stddev group in D, 0 for none
 */
record Architecture(
    int level,
    long imageChannels,
    int latentDim,
    int mappingLayers,
    int fmapBase,
    int fmapMax,
    int stddevGroup) {
  /** The first resolution, 4 x 4, is level 2. */
  static final int FIRST_LEVEL = 2;

  /** The side both networks work at. */
  int side() {
    return 1 << level;
  }

  /** Feature maps at resolution {@code 2^level}. */
  long features(int level) {
    return Math.max(1, Math.min(fmapBase >> level, fmapMax));
  }

  /**
   * How many w the synthesis network reads: one per convolution and one for the last toRGB, the
   * authors' {@code num_layers = 2 log2(side) - 2}. The toRGB of each resolution reads the w of the
   * next resolution's first convolution.
   */
  int styles() {
    return 2 * level - 2;
  }

  /** How many convolutions get a noise input: one at 4 x 4, two at each larger resolution. */
  int noiseInputs() {
    return 2 * level - 3;
  }

  /** The side of noise input {@code i}. */
  int noiseSide(int i) {
    return 1 << (FIRST_LEVEL + (i + 1) / 2);
  }
}
