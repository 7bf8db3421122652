package org.nashlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.CustomGradients;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The gradient check on a gradient an author registers, and its error measure. */
class GradientCheckTest {
  @Test
  void aRegisteredSecondOrderGradientPassesThroughAPenalty() {
    // CustomGradients' example: SoftplusGrad(dy, x) = dy sigmoid(x) has no gradient in TensorFlow.
    CustomGradients.register(
        "SoftplusGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> dy = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> s = tf.math.sigmoid(op.input(1).expect(TFloat32.class));
          Operand<TFloat32> g = upstream.get(0).expect(TFloat32.class);
          return List.of(
              tf.math.mul(g, s),
              tf.math.mul(g, tf.math.mul(dy, tf.math.mul(s, tf.math.sub(tf.constant(1f), s)))));
        });
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      // D(x) = sum_j r_j softplus(x_j w_j) per sample, its penalty a function of w.
      var w = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
      Operand<TFloat32> x =
          tf.constant(Shape.of(2, 3), DataBuffers.of(0.5f, -1.2f, 0.8f, 1.5f, 0.3f, -0.7f));
      Operand<TFloat32> critic =
          tf.reduceSum(
              tf.math.mul(
                  tf.math.softplus(tf.math.mul(x, w)), tf.constant(new float[] {1f, -2f, 3f})),
              tf.constant(1));
      GradientCheck.Result result =
          GradientCheck.of(
              graph,
              GradientCheck.gradientPenalty(tf, critic, x),
              w,
              new float[] {0.9f, -0.4f, 0.6f},
              1e-2f);
      result.assertMaxRelativeErrorBelow(1e-3, "softplus");
    }
  }

  @Test
  void theErrorIsTheLargestDifferenceOnTheGradientsScale() {
    GradientCheck.Result result =
        new GradientCheck.Result(new double[] {4, -0.01, 1}, new double[] {4.1, 0.02, 1}, 1e-3);
    assertEquals(0.1 / 4.1, result.maxRelativeError(), 1e-12);
    var error =
        assertThrows(AssertionError.class, () -> result.assertMaxRelativeErrorBelow(0.02, "w"));
    assertEquals(
        "w: the gradient is off by 0.0244 of its scale 4.10 at [0] (symbolic 4.00000, central"
            + " differences 4.10000); tolerance 0.0200",
        error.getMessage());
  }

  @Test
  void belowTheResolutionDifferencesAreMeasuredAbsolutely() {
    GradientCheck.Result result =
        new GradientCheck.Result(new double[] {0, 1e-6}, new double[] {3e-6, 0}, 1e-4);
    assertEquals(0.03, result.maxRelativeError(), 1e-12);
  }

  @Test
  void onlyAScalarIsChecked() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var w = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
      var error =
          assertThrows(
              IllegalArgumentException.class,
              () -> GradientCheck.of(graph, tf.math.mul(w, w), w, new float[2], 1e-2f));
      assertEquals("the checked function must be a scalar, got shape [2]", error.getMessage());
    }
  }
}
