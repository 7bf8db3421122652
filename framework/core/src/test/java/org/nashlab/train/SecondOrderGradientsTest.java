package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nashlab.nn.FiniteDifferences;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The registered second-order gradients against finite differences: for f = sum(w * act(x w)), g(w)
 * = d f / d x is a first-order gradient (through ReluGrad, TanhGrad or SigmoidGrad), and d sum(g) /
 * d w from TensorFlow must match central differences of sum(g).
 */
class SecondOrderGradientsTest {
  @ParameterizedTest
  @ValueSource(strings = {"relu", "tanh", "sigmoid", "rsqrt", "sqrt"})
  void activationGradientsAreDifferentiable(String activation) {
    SecondOrderGradients.register();
    float[] x = {0.7f, -1.1f, 0.4f};
    float[] w0 = {0.9f, -0.4f, 0.25f};
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      UnaryOperator<Operand<TFloat32>> act =
          switch (activation) {
            case "relu" -> tf.nn::relu;
            case "tanh" -> tf.math::tanh;
            case "rsqrt" -> u -> tf.math.rsqrt(tf.math.add(tf.math.mul(u, u), tf.constant(1f)));
            case "sqrt" -> u -> tf.math.sqrt(tf.math.add(tf.math.mul(u, u), tf.constant(1f)));
            default -> tf.math::sigmoid;
          };
      var w = tf.withName("w").placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
      var xIn = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
      Operand<TFloat32> f =
          tf.reduceSum(tf.math.mul(w, act.apply(tf.math.mul(xIn, w))), tf.constant(0));
      Output<?>[] one = {tf.withName("one").constant(1f).asOutput()};
      Operand<TFloat32> g =
          graph
              .addGradients(
                  "g", new Output<?>[] {f.asOutput()}, new Output<?>[] {xIn.asOutput()}, one)[0]
              .expect(TFloat32.class);
      Operand<TFloat32> sumG = tf.reduceSum(g, tf.constant(0));
      Output<?>[] one2 = {tf.withName("one2").constant(1f).asOutput()};
      Operand<TFloat32> dSumG =
          graph
              .addGradients(
                  "h", new Output<?>[] {sumG.asOutput()}, new Output<?>[] {w.asOutput()}, one2)[0]
              .expect(TFloat32.class);
      try (Session session = new Session(graph);
          TFloat32 xTensor = TFloat32.vectorOf(x)) {
        java.util.function.Function<float[], float[]> eval =
            values -> {
              try (TFloat32 wTensor = TFloat32.vectorOf(values);
                  var r =
                      session
                          .runner()
                          .feed(w, wTensor)
                          .feed(xIn, xTensor)
                          .fetch(sumG)
                          .fetch(dSumG)
                          .run()) {
                float[] out = new float[4];
                out[0] = ((TFloat32) r.get(0)).getFloat();
                float[] d = new float[3];
                ((TFloat32) r.get(1)).copyTo(DataBuffers.of(d, false, false));
                System.arraycopy(d, 0, out, 1, 3);
                return out;
              }
            };
        float[] analytic = eval.apply(w0);
        double[] numeric = FiniteDifferences.central(v -> eval.apply(v)[0], w0, 1e-3f);
        for (int i = 0; i < 3; i++) {
          assertEquals(
              numeric[i],
              analytic[i + 1],
              2e-3 + 2e-3 * Math.abs(numeric[i]),
              activation + " d/dw[" + i + "]");
        }
      }
    }
  }
}
