package org.nashlab.api;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

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

  /**
   * {@code batch}, {@code [B, ..., c]}, as {@code [B / degree, ..., degree * c]}: rows {@code i *
   * degree} to {@code i * degree + degree - 1} side by side along the last axis, in order. For
   * vectors this is PacGAN's concatenation of the samples' features; for images, of their channels.
   */
  static Operand<TFloat32> pack(Ops tf, Operand<TFloat32> batch, int degree) {
    Shape sample = batch.shape().tail();
    int rank = sample.numDimensions();
    Operand<TFloat32> grouped =
        tf.reshape(batch, tf.constant(Shape.of(-1, degree).append(sample).asArray()));
    // [B/m, m, d1, ..., c] -> [B/m, d1, ..., m, c]: the group's axis next to the last one.
    int[] order = new int[rank + 2];
    order[0] = 0;
    for (int i = 1; i < rank; i++) {
      order[i] = i + 1;
    }
    order[rank] = 1;
    order[rank + 1] = rank + 1;
    Operand<TFloat32> sideBySide =
        rank == 1 ? grouped : tf.linalg.transpose(grouped, tf.constant(order));
    return tf.reshape(
        sideBySide, tf.constant(Shape.of(-1).append(packedShape(sample, degree)).asArray()));
  }
}
