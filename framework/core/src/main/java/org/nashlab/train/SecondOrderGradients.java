package org.nashlab.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.types.TFloat32;

/**
 * Gradients of activation-gradient ops, which TensorFlow's native registry lacks
 * (docs/tensorflow-java.md, trap 1), so that penalties on D's input gradient (gradient penalty, R1,
 * DRAGAN) train critics with ReLU, tanh or sigmoid units, or layer norm. Registered once per JVM;
 * each is checked against finite differences in the tests.
 */
final class SecondOrderGradients {
  private static boolean registered;

  private SecondOrderGradients() {}

  static synchronized void register() {
    if (registered) {
      return;
    }
    // ReluGrad(dy, x) = dy * [x > 0]: linear in dy, flat in x almost everywhere.
    TensorFlow.registerCustomGradient(
        "ReluGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> x = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> above =
              tf.dtypes.cast(tf.math.greater(x, tf.zerosLike(x)), TFloat32.class);
          return List.of(tf.math.mul(first(upstream), above), tf.zerosLike(x));
        });
    // TanhGrad(y, dy) = dy (1 - y^2): d/dy = -2 y dy, d/d(dy) = 1 - y^2.
    TensorFlow.registerCustomGradient(
        "TanhGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> g = first(upstream);
          return List.of(
              tf.math.mul(g, tf.math.mul(tf.constant(-2f), tf.math.mul(y, dy))),
              tf.math.mul(g, tf.math.sub(tf.constant(1f), tf.math.mul(y, y))));
        });
    // SigmoidGrad(y, dy) = dy y (1 - y): d/dy = dy (1 - 2y), d/d(dy) = y (1 - y).
    TensorFlow.registerCustomGradient(
        "SigmoidGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> g = first(upstream);
          Operand<TFloat32> one = tf.constant(1f);
          return List.of(
              tf.math.mul(g, tf.math.mul(dy, tf.math.sub(one, tf.math.mul(tf.constant(2f), y)))),
              tf.math.mul(g, tf.math.mul(y, tf.math.sub(one, y))));
        });
    // RsqrtGrad(y, dy) = -dy y^3 / 2 (y = 1/sqrt(x)), as in layer norm: d/dy = -3/2 dy y^2,
    // d/d(dy) = -y^3 / 2.
    TensorFlow.registerCustomGradient(
        "RsqrtGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> g = first(upstream);
          Operand<TFloat32> ySquared = tf.math.mul(y, y);
          return List.of(
              tf.math.mul(g, tf.math.mul(tf.constant(-1.5f), tf.math.mul(dy, ySquared))),
              tf.math.mul(g, tf.math.mul(tf.constant(-0.5f), tf.math.mul(ySquared, y))));
        });
    // SqrtGrad(y, dy) = dy / (2 y) (y = sqrt(x)), as in the minibatch stddev: d/dy = -dy / (2 y^2),
    // d/d(dy) = 1 / (2 y).
    TensorFlow.registerCustomGradient(
        "SqrtGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> y = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> dy = op.input(1).expect(TFloat32.class);
          Operand<TFloat32> g = first(upstream);
          Operand<TFloat32> half = tf.constant(0.5f);
          return List.of(
              tf.math.mul(g, tf.math.neg(tf.math.div(tf.math.mul(half, dy), tf.math.mul(y, y)))),
              tf.math.mul(g, tf.math.div(half, y)));
        });
    registered = true;
  }

  private static Operand<TFloat32> first(List<org.tensorflow.Output<?>> upstream) {
    return upstream.get(0).expect(TFloat32.class);
  }
}
