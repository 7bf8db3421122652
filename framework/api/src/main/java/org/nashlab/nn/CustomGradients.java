package org.nashlab.nn;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.RawCustomGradient;

/**
 * Gradients, written in Java, of ops that TensorFlow's native registry leaves without one
 * (docs/tensorflow-java.md, trap 1; docs/penalty-ops.md). Penalties on D's input gradient (WGAN-GP,
 * R1, DRAGAN) differentiate the ops of a first-order gradient, such as {@code ReluGrad} or {@code
 * AvgPoolGrad}, so each of those needs a gradient of its own.
 *
 * <pre>{@code
 * // SoftplusGrad(dy, x) = dy sigmoid(x): d/d(dy) = sigmoid(x), d/dx = dy sigmoid(x) (1 - sigmoid(x)).
 * CustomGradients.register("SoftplusGrad", (tf, op, upstream) -> {
 *   Operand<TFloat32> dy = op.input(0).expect(TFloat32.class);
 *   Operand<TFloat32> s = tf.math.sigmoid(op.input(1).expect(TFloat32.class));
 *   Operand<TFloat32> g = upstream.get(0).expect(TFloat32.class);
 *   return List.of(
 *       tf.math.mul(g, s),
 *       tf.math.mul(g, tf.math.mul(dy, tf.math.mul(s, tf.math.sub(tf.constant(1f), s)))));
 * });
 * }</pre>
 *
 * <p>A gradient returns one operand per input of the op, never null: {@code tf.zerosLike(input)}
 * for an input it does not depend on (a shape, say). Registration is per JVM and per op type: a
 * second call for the same type does nothing, so a plugin may register in its constructor. Check a
 * gradient you register against finite differences ({@code org.nashlab.testkit.GradientCheck}). The
 * toolkit's layers that need one of {@link #registerToolkit()}'s gradients register them when they
 * are built, in any graph; Nash's trainer also registers them before it builds a trial's.
 */
public final class CustomGradients {
  private static final Set<String> REGISTERED = new HashSet<>();

  private CustomGradients() {}

  /**
   * Makes {@code gradient} the gradient of every op of type {@code opType} in this JVM, unless one
   * was registered here for that type already.
   *
   * @throws IllegalArgumentException if TensorFlow has a gradient for {@code opType} already, which
   *     registerCustomGradient cannot replace
   */
  public static void register(String opType, RawCustomGradient gradient) {
    requireNonNull(opType, "opType");
    requireNonNull(gradient, "gradient");
    synchronized (REGISTERED) {
      if (REGISTERED.contains(opType)) {
        return;
      }
      if (!TensorFlow.registerCustomGradient(opType, gradient)) {
        throw new IllegalArgumentException(
            "TensorFlow already has a gradient for op '"
                + opType
                + "', and a custom gradient cannot replace it: to change how a function is"
                + " differentiated, build it from other ops (docs/penalty-ops.md)");
      }
      REGISTERED.add(opType);
    }
  }

  /**
   * Registers the gradients the toolkit's layers need to be differentiated twice: those of {@code
   * ReluGrad}, {@code TanhGrad}, {@code SigmoidGrad}, {@code RsqrtGrad}, {@code SqrtGrad}, {@code
   * AvgPoolGrad} and {@code MaxPoolGradV2}. Idempotent.
   */
  public static void registerToolkit() {
    ActivationGradients.register();
    PoolingGradients.register();
  }
}
