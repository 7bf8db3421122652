package org.nashlab.nn;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The first rows of a batch, their number a tensor: a minibatch smaller than the batch Nash feeds
 * (ProGAN's per-resolution minibatch), or none at all (a lazy regulariser's batch on the steps it
 * does not run, which then costs next to nothing).
 */
public final class Rows {
  private Rows() {}

  /**
   * Rows {@code 0 .. rows - 1} of {@code batch}, keeping the static shape of a sample, which later
   * reshapes read.
   */
  public static Operand<TFloat32> first(Ops tf, Operand<TFloat32> batch, Operand<TInt32> rows) {
    int rank = batch.shape().numDimensions();
    int[] sampleSizes = new int[rank - 1];
    Arrays.fill(sampleSizes, -1);
    Operand<TInt32> size =
        tf.concat(
            List.of(tf.reshape(rows, tf.constant(new int[] {1})), tf.constant(sampleSizes)),
            tf.constant(0));
    Operand<TFloat32> sliced = tf.slice(batch, tf.constant(new int[rank]), size);
    return tf.reshape(sliced, tf.constant(Shape.of(-1).append(batch.shape().tail()).asArray()));
  }
}
