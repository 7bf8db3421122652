package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Gradients of the activation-gradient ops, so that penalties train critics with ReLU, tanh or
 * sigmoid units, layer, instance or batch norm (rsqrt) and the minibatch stddev (sqrt).
 */
final class ActivationGradients {
  private ActivationGradients() {}

  static void register() {
    // ReluGrad(dy, x) = dy * [x > 0]: linear in dy, flat in x almost everywhere.
    CustomGradients.register(
        "ReluGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> x = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> above =
              tf.dtypes.cast(tf.math.greater(x, tf.zerosLike(x)), TFloat32.class);
          return List.of(tf.math.mul(first(upstream), above), tf.zerosLike(x));
        });
    // TanhGrad(y, dy) = dy (1 - y^2): d/dy = -2 y dy, d/d(dy) = 1 - y^2.
    CustomGradients.register(
        "TanhGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          return scaled(
              tf,
              upstream,
              tf.math.mul(tf.constant(-2f), tf.math.mul(y, dy)),
              tf.math.sub(tf.constant(1f), tf.math.mul(y, y)));
        });
    // SigmoidGrad(y, dy) = dy y (1 - y): d/dy = dy (1 - 2y), d/d(dy) = y (1 - y).
    CustomGradients.register(
        "SigmoidGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> one = tf.constant(1f);
          return scaled(
              tf,
              upstream,
              tf.math.mul(dy, tf.math.sub(one, tf.math.mul(tf.constant(2f), y))),
              tf.math.mul(y, tf.math.sub(one, y)));
        });
    // RsqrtGrad(y, dy) = -dy y^3 / 2 (y = 1/sqrt(x)), as in the norms: d/dy = -3/2 dy y^2,
    // d/d(dy) = -y^3 / 2.
    CustomGradients.register(
        "RsqrtGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> ySquared = tf.math.mul(y, y);
          return scaled(
              tf,
              upstream,
              tf.math.mul(tf.constant(-1.5f), tf.math.mul(dy, ySquared)),
              tf.math.mul(tf.constant(-0.5f), tf.math.mul(ySquared, y)));
        });
    // SqrtGrad(y, dy) = dy / (2 y) (y = sqrt(x)), as in the minibatch stddev: d/dy = -dy / (2 y^2),
    // d/d(dy) = 1 / (2 y).
    CustomGradients.register(
        "SqrtGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> half = tf.constant(0.5f);
          return scaled(
              tf,
              upstream,
              tf.math.neg(tf.math.div(tf.math.mul(half, dy), tf.math.mul(y, y))),
              tf.math.div(half, y));
        });
  }

  /** The upstream gradient times each input's partial derivative. */
  private static List<Operand<?>> scaled(
      Ops tf, List<Output<?>> upstream, Operand<TFloat32> byY, Operand<TFloat32> byDy) {
    Operand<TFloat32> g = first(upstream);
    return List.of(tf.math.mul(g, byY), tf.math.mul(g, byDy));
  }

  private static Operand<TFloat32> first(List<Output<?>> upstream) {
    return upstream.get(0).expect(TFloat32.class);
  }
}
