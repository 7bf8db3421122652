package org.nashlab.nn;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Instance normalisation (Ulyanov et al. 2016): each channel of each image normalised over its
 * height and width, then a per-channel scale and shift. It needs no batch statistics, so training
 * and inference compute the same thing, which is why CycleGAN and style transfer use it. Input
 * {@code [batch, height, width, channels]}; trainable {@code NAME_gamma} and {@code NAME_beta}.
 */
public final class InstanceNorm extends SampleNorm {
  public InstanceNorm(Ops tf, String name, long channels) {
    super(tf, name, channels);
  }

  @Override
  int[] axes(Shape shape) {
    if (shape.numDimensions() != 4) {
      throw new IllegalArgumentException(
          "instance normalisation needs [batch, height, width, channels], got " + shape);
    }
    return new int[] {1, 2};
  }
}
