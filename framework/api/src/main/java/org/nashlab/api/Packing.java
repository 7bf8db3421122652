package org.nashlab.api;

import org.tensorflow.ndarray.Shape;

/**
 * A technique that makes the critic judge several samples at once: PacGAN (Lin et al. 2018)
 * concatenates {@code m} samples, all real or all generated, into one input, so that D can see a
 * lack of diversity that no single sample shows. Nash packs every batch a program passes through
 * {@link VariantContext#criticInput} after the input transforms, so that augmentation still acts on
 * each sample; a program builds its critic for {@link #packedShape} once it has read {@link
 * VariantContext#packing()}.
 */
public interface Packing extends Regularizer {
  /** How many samples the critic judges at once, at least 2. */
  int degree();

  /**
   * One sample's shape as a packed critic sees it: the last axis {@code degree} times as long, the
   * features of a vector or the channels of an image.
   */
  static Shape packedShape(Shape sample, int degree) {
    long[] dims = sample.asArray();
    dims[dims.length - 1] *= degree;
    return Shape.of(dims);
  }
}
