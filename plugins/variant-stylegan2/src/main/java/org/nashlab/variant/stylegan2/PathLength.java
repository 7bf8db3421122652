package org.nashlab.variant.stylegan2;

import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.Variables;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Path-length regularisation (section 3.2, the authors' {@code G_logistic_ns_pathreg}): for images
 * {@code x = g(w)} and a random image {@code y ~ N(0, I) / sqrt(H W)}, the length {@code a = ||J^T
 * y||}, {@code J^T y = d(sum x y) / dw} with the squared norm summed over the latent and averaged
 * over the styles; its moving average {@code a' = a_avg + decay (mean(a) - a_avg)}, differentiable
 * through {@code mean(a)} as in the authors' code, is stored into {@code g_pl_mean} (checkpointed)
 * after the penalty is computed; the penalty is {@code mean((a - a')^2)}. A minibatch of 0 rows
 * (the steps the lazy regulariser skips) gives a penalty of 0 and leaves the average alone.
 *
 * @param penalty {@code mean((a - a')^2)}, 0 for no rows
 * @param meanLength {@code mean(a)}, 0 for no rows
 * @param average {@code a'}
 * @param update the assignment of {@code a'} to the stored average
 */
record PathLength(
    Operand<TFloat32> penalty, Operand<TFloat32> meanLength, Operand<TFloat32> average, Op update) {
  /**
   * The penalty of {@code images}, {@code [n, H, W, C]}, generated from {@code ws}, {@code [n,
   * styles, latent]}, with the random images {@code y} already scaled by {@code 1 / sqrt(H W)}.
   */
  static PathLength of(
      Ops tf,
      PenaltyContext.GradientOf gradients,
      Operand<TFloat32> images,
      Operand<TFloat32> ws,
      Operand<TFloat32> y,
      Operand<TInt32> rows,
      Variable<TFloat32> stored,
      float decay) {
    Operand<TFloat32> grads = gradients.of(tf.math.mul(images, y), ws);
    Operand<TFloat32> lengths =
        tf.math.sqrt(
            tf.math.mean(tf.sum(tf.math.mul(grads, grads), tf.constant(2)), tf.constant(1)));
    Operand<TFloat32> count =
        tf.math.maximum(tf.dtypes.cast(rows, TFloat32.class), tf.constant(1f));
    Operand<TFloat32> meanLength = tf.math.div(tf.sum(lengths, tf.constant(0)), count);
    Operand<TFloat32> moved =
        tf.math.add(stored, tf.math.mul(tf.constant(decay), tf.math.sub(meanLength, stored)));
    Operand<TFloat32> average = tf.select(tf.math.greater(rows, tf.constant(0)), moved, stored);
    Operand<TFloat32> deviation = tf.math.sub(lengths, average);
    Operand<TFloat32> penalty =
        tf.math.div(tf.sum(tf.math.mul(deviation, deviation), tf.constant(0)), count);
    Op update =
        tf.withControlDependencies(java.util.List.of(penalty))
            .assign(stored, tf.stopGradient(average));
    return new PathLength(penalty, meanLength, average, update);
  }

  /** The stored moving average of path lengths, {@code g_pl_mean}, starting at 0. */
  static Variable<TFloat32> storedAverage(Ops tf) {
    return Variables.filled(tf, "g_pl_mean", Shape.scalar(), 0f);
  }
}
