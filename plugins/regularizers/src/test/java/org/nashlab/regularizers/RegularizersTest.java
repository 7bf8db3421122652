package org.nashlab.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.ConstraintContext;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Player;
import org.nashlab.api.TransformContext;
import org.nashlab.nn.FiniteDifferences;
import org.nashlab.nn.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** Each technique against a case with a known answer. */
class RegularizersTest extends CriticFixture {
  @Test
  void gradientPenaltyOfALinearCriticIsLambdaTimesNormMinusOneSquared() {
    var term = new GradientPenalty(new GradientPenalty.Params(10, false)).terms(linearCritic());
    assertTrue(term.generator().isEmpty());
    assertEquals(10 * Math.pow(normOfW() - 1, 2), run(term.discriminator().orElseThrow())[0], 1e-4);
  }

  @Test
  void theOneSidedPenaltyIgnoresNormsBelowOne() {
    // ||w|| = 1.375 > 1: same as two-sided; scaled below 1 it vanishes.
    var term = new GradientPenalty(new GradientPenalty.Params(10, true)).terms(linearCritic());
    assertEquals(10 * Math.pow(normOfW() - 1, 2), run(term.discriminator().orElseThrow())[0], 1e-4);
  }

  @Test
  void r1IsHalfGammaTimesTheSquaredGradientNormOnRealData() {
    var term = new R1Penalty(new R1Penalty.Params(5)).terms(linearCritic());
    assertEquals(2.5 * normOfW() * normOfW(), run(term.discriminator().orElseThrow())[0], 1e-4);
  }

  @Test
  void weightDecaySumsSquaredKernelsButNotBiases() {
    Variable<TFloat32> kernel =
        tf.withName("d_dense_w").variable(constant(new float[] {1f, -2f}, 2));
    Variable<TFloat32> bias = tf.withName("d_dense_b").variable(constant(new float[] {100f}, 1));
    var context =
        new PenaltyContext(
            tf,
            null,
            null,
            null,
            null,
            x -> x,
            this::gradient,
            List.of(kernel, bias),
            List.of(),
            new Seeds(1),
            "d");
    var terms = new WeightDecay(new WeightDecay.Params(0.5, Player.DISCRIMINATOR)).terms(context);
    assertTrue(terms.generator().isEmpty());
    assertEquals(0.5 * (1 + 4), run(terms.discriminator().orElseThrow())[0], 1e-6);
  }

  @Test
  void labelSmoothingIsTheCrossEntropyAgainstASmoothedTarget() {
    // -(1 - a) log s(x) - a log(1 - s(x)) = softplus(-x) + a x, checked numerically here.
    double a = 0.1;
    for (double x : new double[] {-3, 0.2, 4}) {
      double smoothed = (1 - a) * softplus(-x) + a * softplus(x);
      assertEquals(smoothed, softplus(-x) + a * x, 1e-12);
    }
    var term = new LabelSmoothing(new LabelSmoothing.Params(a)).terms(linearCritic());
    double meanLogit = ((1 * 0.6 - 2 * 1.2 + 3 * 0.3) + (-1 * 0.6 + 0 + 4 * 0.3)) / 2;
    assertEquals(a * meanLogit, run(term.discriminator().orElseThrow())[0], 1e-5);
  }

  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  @Test
  void weightClippingBoundsTheChosenNetworkOnly() {
    Variable<TFloat32> v = tf.withName("d_w").variable(constant(new float[] {-1f, 0.005f, 2f}, 3));
    var clipping = new WeightClipping(new WeightClipping.Params(0.01, Player.DISCRIMINATOR));
    assertEquals(
        List.of(), clipping.constrain(new ConstraintContext(tf, Player.GENERATOR, List.of(v))));
    List<Op> ops = clipping.constrain(new ConstraintContext(tf, Player.DISCRIMINATOR, List.of(v)));
    try (Session session = new Session(graph)) {
      session.initialize();
      var runner = session.runner();
      ops.forEach(runner::addTarget);
      runner.run().close();
      try (var result = session.runner().fetch(v).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        assertArrayEquals(
            new float[] {-0.01f, 0.005f, 0.01f},
            new float[] {t.getFloat(0), t.getFloat(1), t.getFloat(2)});
      }
    }
  }

  @Test
  void instanceNoiseHasItsStdAtTheStartAndVanishesAtTheEnd() {
    float[] zeros = new float[20_000];
    var noise = new InstanceNoise(new InstanceNoise.Params(0.3, true));
    float[] start =
        run(
            noise.transform(
                new TransformContext(
                    tf, constant(zeros, 20_000), tf.constant(0f), "n0", new Seeds(1))));
    float[] end =
        run(
            noise.transform(
                new TransformContext(
                    tf, constant(zeros, 20_000), tf.constant(1f), "n1", new Seeds(1))));
    double var = 0;
    for (float v : start) {
      var += v * (double) v / start.length;
    }
    assertEquals(0.3, Math.sqrt(var), 0.01);
    assertArrayEquals(zeros, end, 0f);
  }

  @Test
  void thePenaltyCanBeDifferentiatedThroughALeakyReluCritic() {
    // d/dw of the gradient penalty of D(x) = leaky_relu(x w1) w2, against central differences.
    float[] w1Values = {0.5f, -0.3f, 0.8f, 0.2f, -0.6f, 0.4f};
    var x =
        tf.withName("w1")
            .placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(3, 2)));
    Variable<TFloat32> w2 = tf.withName("w2").variable(constant(new float[] {1.5f, -0.7f}, 2, 1));
    Operand<TFloat32> real = constant(REAL, 2, 3);
    Operand<TFloat32> fake = constant(FAKE, 2, 3);
    java.util.function.UnaryOperator<Operand<TFloat32>> critic =
        in -> tf.linalg.matMul(tf.nn.leakyRelu(tf.linalg.matMul(in, x), LeakyRelu.alpha(0.2f)), w2);
    var context =
        new PenaltyContext(
            tf,
            real,
            real,
            critic.apply(real),
            critic.apply(real),
            critic,
            this::gradient,
            List.of(w2),
            List.of(),
            new Seeds(1),
            "d");
    // Penalty at real points only (interpolates of real with itself), so it is deterministic.
    Operand<TFloat32> penalty =
        new GradientPenalty(new GradientPenalty.Params(1, false))
            .terms(context)
            .discriminator()
            .orElseThrow();
    Operand<TFloat32> dPenalty = gradient(penalty, x);
    try (Session session = new Session(graph)) {
      session.initialize();
      java.util.function.Function<float[], float[]> eval =
          w -> {
            try (TFloat32 feed = TFloat32.tensorOf(Shape.of(3, 2), DataBuffers.of(w));
                var r = session.runner().feed(x, feed).fetch(penalty).fetch(dPenalty).run()) {
              float[] out = new float[7];
              out[0] = ((TFloat32) r.get(0)).getFloat();
              float[] g = new float[6];
              ((TFloat32) r.get(1)).copyTo(DataBuffers.of(g, false, false));
              System.arraycopy(g, 0, out, 1, 6);
              return out;
            }
          };
      float[] analytic = eval.apply(w1Values);
      double[] numeric = FiniteDifferences.central(v -> eval.apply(v)[0], w1Values, 1e-3f);
      for (int i = 0; i < 6; i++) {
        assertEquals(
            numeric[i],
            analytic[i + 1],
            1e-2 + 1e-2 * Math.abs(numeric[i]),
            "d penalty / d w1[" + i + "]");
      }
    }
  }
}
