package org.nashlab.nn;

import java.util.stream.IntStream;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Layer normalisation (Ba et al. 2016): each sample normalised over all its features, then a
 * per-channel (last axis) scale and shift. Needs no batch statistics, so it suits critics with a
 * gradient penalty. Trainable {@code NAME_gamma} and {@code NAME_beta}.
 */
public final class LayerNorm extends SampleNorm {
  public LayerNorm(Ops tf, String name, long channels) {
    super(tf, name, channels);
  }

  @Override
  int[] axes(Shape shape) {
    return IntStream.range(1, shape.numDimensions()).toArray();
  }
}
