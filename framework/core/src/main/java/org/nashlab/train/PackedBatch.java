package org.nashlab.train;

import org.nashlab.api.Packing;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A critic's input batch packed for a {@link Packing} technique. */
final class PackedBatch {
  private PackedBatch() {}

  /**
   * {@code batch}, {@code [B, ..., c]}, as {@code [B / degree, ..., degree * c]}: rows {@code i *
   * degree} to {@code i * degree + degree - 1} side by side along the last axis, in order. For
   * vectors this is PacGAN's concatenation of the samples' features; for images, of their channels.
   */
  static Operand<TFloat32> of(Ops tf, Operand<TFloat32> batch, int degree) {
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
        sideBySide,
        tf.constant(Shape.of(-1).append(Packing.packedShape(sample, degree)).asArray()));
  }
}
