package org.nashlab.api;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A technique that changes what D sees, the same way for real and generated batches: instance
 * noise, differentiable augmentation. Gradients flow through the transform to G.
 */
public interface InputTransform extends Regularizer {
  Operand<TFloat32> transform(TransformContext context);
}
