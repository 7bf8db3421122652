package org.nashlab.variant.progan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Equalized;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Equalized learning rate against He's constant and the closed-form gradient. */
class EqualizedTest {
  private static final double RELU = Math.sqrt(2);

  @Test
  void theRunTimeScaleIsHesConstantOfTheFanIn() {
    try (TestGraph g = new TestGraph()) {
      var weights = new Equalized.Weights(true, new Seeds(1));
      assertEquals(
          Math.sqrt(2.0 / (3 * 3 * 16)),
          Equalized.conv(g.tf, "d_conv", 16, 32, 3, RELU, weights).scale(),
          1e-7);
      assertEquals(
          Math.sqrt(2.0 / 128) / 4,
          Equalized.dense(g.tf, "g_dense", 128, Shape.of(4, 4, 8), RELU / 4, weights).scale(),
          1e-7);
      assertEquals(
          1,
          Equalized.conv(g.tf, "g_rgb", 8, 1, 1, 1, new Equalized.Weights(false, new Seeds(1)))
              .scale());
    }
  }

  /** Stored weights N(0, 1) when equalized, N(0, c^2) when not: the effective weights agree. */
  @Test
  void bothSettingsStartFromHesInitialisationOfTheEffectiveWeights() {
    for (boolean equalized : new boolean[] {true, false}) {
      try (TestGraph g = new TestGraph()) {
        Equalized layer =
            Equalized.dense(
                g.tf,
                "d_dense",
                256,
                Shape.of(256),
                RELU,
                new Equalized.Weights(equalized, new Seeds(3)));
        float[] stored = g.run(layer.variables().get(0));
        double c = Math.sqrt(2.0 / 256);
        double sumSquares = 0;
        for (float w : stored) {
          sumSquares += (double) w * w;
        }
        double std = Math.sqrt(sumSquares / stored.length);
        assertEquals(equalized ? 1 : c, std, 0.01 * (equalized ? 1 : c), "equalized " + equalized);
      }
    }
  }

  /**
   * For y = c x W + b and L = sum(y * u): dL/dW = c x^T u, so an SGD step of rate eta moves the
   * effective weights c W by -eta c^2 x^T u.
   */
  @Test
  void theGradientOfTheStoredWeightsIsTheScaledClosedForm() {
    int batch = 3;
    int in = 5;
    int out = 4;
    float[] x = TestGraph.gaussian(batch * in, 1);
    float[] u = TestGraph.gaussian(batch * out, 2);
    float eta = 0.1f;
    try (TestGraph g = new TestGraph()) {
      Equalized layer =
          Equalized.dense(
              g.tf, "d_dense", in, Shape.of(out), RELU, new Equalized.Weights(true, new Seeds(1)));
      float c = layer.scale();
      Operand<TFloat32> y = layer.apply(g.constant(x, batch, in), Mode.TRAINING);
      Operand<TFloat32> loss =
          g.tf.reduceSum(
              g.tf.math.mul(y, g.constant(u, batch, out)), g.tf.constant(new int[] {0, 1}));
      @SuppressWarnings("unchecked")
      Variable<TFloat32> w = layer.variables().get(0);
      Operand<TFloat32> gradient =
          g.graph.addGradients(loss.asOutput(), new org.tensorflow.Output<?>[] {w.asOutput()})[0]
              .expect(TFloat32.class);
      float[] before = g.run(w);
      float[] grad = g.run(gradient);
      g.run(
          Map.of(),
          List.of(
              g.tf
                  .withControlDependencies(
                      List.of(g.tf.assignSub(w, g.tf.math.mul(gradient, g.tf.constant(eta)))))
                  .identity(g.tf.constant(0f))));
      float[] after = g.run(w);
      for (int i = 0; i < in; i++) {
        for (int o = 0; o < out; o++) {
          double xu = 0;
          for (int b = 0; b < batch; b++) {
            xu += x[b * in + i] * u[b * out + o];
          }
          int k = i * out + o;
          assertEquals(c * xu, grad[k], 1e-5, "dL/dW[" + i + "," + o + "]");
          assertEquals(c * before[k] - eta * c * c * xu, c * after[k], 1e-5, "c W after the step");
        }
      }
    }
  }
}
