package org.nashlab.nn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The toolkit's registered gradients against finite differences: for f = sum(r * op(x * w)), g =
 * df/dx is a first-order gradient (through ReluGrad, TanhGrad, ..., AvgPoolGrad or MaxPoolGradV2),
 * and d sum(q * g) / dw from TensorFlow must match central differences of sum(q * g).
 */
class CustomGradientsTest extends GraphTest {
  @BeforeAll
  static void register() {
    CustomGradients.registerToolkit();
  }

  private UnaryOperator<Operand<TFloat32>> op(String name) {
    return switch (name) {
      case "relu" -> tf.nn::relu;
      case "tanh" -> tf.math::tanh;
      case "sigmoid" -> tf.math::sigmoid;
      case "rsqrt" -> u -> tf.math.rsqrt(tf.math.add(tf.math.mul(u, u), tf.constant(1f)));
      case "sqrt" -> u -> tf.math.sqrt(tf.math.add(tf.math.mul(u, u), tf.constant(1f)));
      case "average-pool" -> u -> Pool.average(tf, 2).apply(u, Mode.TRAINING);
      case "max-pool" -> u -> Pool.max(tf, 2).apply(u, Mode.TRAINING);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private Output<TFloat32> gradient(Operand<TFloat32> y, Operand<TFloat32> x, String scope) {
    Output<?>[] one = {tf.withName(scope + "_seed").constant(1f).asOutput()};
    return graph
        .addGradients(scope, new Output<?>[] {y.asOutput()}, new Output<?>[] {x.asOutput()}, one)[0]
        .expect(TFloat32.class);
  }

  private Operand<TFloat32> sum(Operand<TFloat32> a, float[] b, Shape shape) {
    Operand<TFloat32> product = tf.math.mul(a, tf.constant(shape, DataBuffers.of(b)));
    return tf.reduceSum(product, tf.range(tf.constant(0), tf.rank(product), tf.constant(1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu", "tanh", "sigmoid", "rsqrt", "sqrt", "average-pool", "max-pool"})
  void registeredGradientsMatchFiniteDifferences(String name) {
    boolean image = name.endsWith("pool");
    Shape shape = image ? Shape.of(1, 4, 4, 1) : Shape.of(3);
    Shape outputShape = image ? Shape.of(1, 2, 2, 1) : shape;
    int n = (int) shape.size();
    float[] x = random(n, 1);
    float[] w0 = random(n, 2);
    var w = tf.withName("w").placeholder(TFloat32.class, Placeholder.shape(shape));
    Operand<TFloat32> xIn = tf.constant(shape, DataBuffers.of(x));
    Operand<TFloat32> f =
        sum(op(name).apply(tf.math.mul(xIn, w)), random((int) outputShape.size(), 3), outputShape);
    Operand<TFloat32> h = sum(gradient(f, xIn, "g"), random(n, 4), shape);
    Output<TFloat32> dh = gradient(h, w, "h");
    try (Session session = new Session(graph)) {
      java.util.function.Function<float[], float[][]> eval =
          values -> {
            try (TFloat32 fed = TFloat32.tensorOf(shape, DataBuffers.of(values));
                var r = session.runner().feed(w, fed).fetch(h).fetch(dh).run()) {
              float[] d = new float[n];
              ((TFloat32) r.get(1)).copyTo(DataBuffers.of(d, false, false));
              return new float[][] {{((TFloat32) r.get(0)).getFloat()}, d};
            }
          };
      float[] analytic = eval.apply(w0)[1];
      double[] numeric = FiniteDifferences.central(v -> eval.apply(v)[0][0], w0, 1e-3f);
      for (int i = 0; i < n; i++) {
        assertEquals(
            numeric[i], analytic[i], 2e-3 + 2e-3 * Math.abs(numeric[i]), name + " d/dw[" + i + "]");
      }
    }
  }

  @Test
  void registeringAnOpThatHasAGradientSaysItCannotBeReplaced() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> CustomGradients.register("MatMul", (tf, op, upstream) -> List.of()));
    assertEquals(
        "TensorFlow already has a gradient for op 'MatMul', and a custom gradient cannot replace"
            + " it: to change how a function is differentiated, build it from other ops"
            + " (docs/penalty-ops.md)",
        error.getMessage());
  }

  @Test
  void registeringAnOpTypeAgainDoesNothing() {
    assertDoesNotThrow(
        () -> {
          CustomGradients.register("ReluGrad", (tf, op, upstream) -> List.of());
          CustomGradients.registerToolkit();
        });
  }
}
