package org.nashlab.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Each loss against its closed form, computed here in double precision, on logits that include
 * saturated ones (|x| of 30 to 90) where a naive log(sigmoid) gives -inf in float.
 */
class LossesTest {
  private static final float[] REAL = {2.0f, -1.0f, 0.5f, 30.0f, -90.0f};
  private static final float[] FAKE = {-3.0f, 0.2f, 1.5f, -40.0f, 90.0f};

  /** log(1 + e^x), stably. */
  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  private static double mean(float[] xs, DoubleUnaryOperator f) {
    return Arrays.stream(toDoubles(xs)).map(f).average().orElseThrow();
  }

  private static double[] toDoubles(float[] xs) {
    double[] d = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      d[i] = xs[i];
    }
    return d;
  }

  /** D's loss of the original GAN: -mean log sigmoid(r) - mean log(1 - sigmoid(f)). */
  private static double originalDiscriminatorLoss() {
    return mean(REAL, x -> softplus(-x)) + mean(FAKE, LossesTest::softplus);
  }

  private static float[] evaluate(Loss loss) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> real = tf.reshape(tf.constant(REAL), tf.constant(new int[] {-1, 1}));
      Operand<TFloat32> fake = tf.reshape(tf.constant(FAKE), tf.constant(new int[] {-1, 1}));
      AdversarialLosses losses = loss.build(new LossContext(tf, real, fake));
      try (var result =
          session.runner().fetch(losses.discriminator()).fetch(losses.generator()).run()) {
        return new float[] {
          ((TFloat32) result.get(0)).getFloat(), ((TFloat32) result.get(1)).getFloat()
        };
      }
    }
  }

  @Test
  void wassersteinCriticMaximisesTheGapOfMeansAndReportsIt() {
    float[] got = evaluate(new WassersteinLoss());
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var losses =
          new WassersteinLoss()
              .build(
                  new LossContext(
                      tf,
                      tf.reshape(tf.constant(REAL), tf.constant(new int[] {-1, 1})),
                      tf.reshape(tf.constant(FAKE), tf.constant(new int[] {-1, 1}))));
      try (var r = session.runner().fetch(losses.diagnostics().get("wasserstein/estimate")).run()) {
        assertEquals(
            mean(REAL, x -> x) - mean(FAKE, x -> x), ((TFloat32) r.get(0)).getFloat(), 1e-5);
      }
    }
    assertEquals(mean(FAKE, x -> x) - mean(REAL, x -> x), got[0], 1e-5);
    assertEquals(-mean(FAKE, x -> x), got[1], 1e-5);
  }

  @Test
  void hingeMatchesMiyatoEquationSeventeen() {
    float[] got = evaluate(new HingeLoss());
    assertEquals(
        mean(REAL, x -> Math.max(0, 1 - x)) + mean(FAKE, x -> Math.max(0, 1 + x)), got[0], 1e-5);
    assertEquals(-mean(FAKE, x -> x), got[1], 1e-5);
  }

  @Test
  void leastSquaresMatchesMaoEquationTwoForBothCodings() {
    for (double[] abc : new double[][] {{0, 1, 1}, {-1, 1, 0}}) {
      float[] got =
          evaluate(new LeastSquaresLoss(new LeastSquaresLoss.Params(abc[0], abc[1], abc[2])));
      double d =
          0.5 * mean(REAL, x -> (x - abc[1]) * (x - abc[1]))
              + 0.5 * mean(FAKE, x -> (x - abc[0]) * (x - abc[0]));
      double g = 0.5 * mean(FAKE, x -> (x - abc[2]) * (x - abc[2]));
      assertEquals(d, got[0], 1e-5 * d);
      assertEquals(g, got[1], 1e-5 * g);
    }
  }

  @Test
  void relativisticAverageMatchesJolicoeurMartineauEquationsElevenAndTwelve() {
    double meanReal = mean(REAL, x -> x);
    double meanFake = mean(FAKE, x -> x);
    // -E[log sigmoid(C(x) - E C(G(z)))] - E[log(1 - sigmoid(C(G(z)) - E C(x)))]
    double d = mean(REAL, x -> softplus(-(x - meanFake))) + mean(FAKE, x -> softplus(x - meanReal));
    double g = mean(FAKE, x -> softplus(-(x - meanReal))) + mean(REAL, x -> softplus(x - meanFake));
    float[] got = evaluate(new RelativisticAverageLoss());
    assertEquals(d, got[0], 1e-5 * Math.abs(d));
    assertEquals(g, got[1], 1e-5 * Math.abs(g));
  }

  @Test
  void minimaxMatchesGoodfellowEquationOne() {
    float[] got = evaluate(new MinimaxLoss());
    assertEquals(originalDiscriminatorLoss(), got[0], 1e-5);
    // G minimises log(1 - sigmoid(f)) = -softplus(f).
    assertEquals(-mean(FAKE, LossesTest::softplus), got[1], 1e-5);
  }

  @Test
  void nonSaturatingGeneratorMaximisesLogSigmoidOfFake() {
    float[] got = evaluate(new NonSaturatingLoss());
    assertEquals(originalDiscriminatorLoss(), got[0], 1e-5);
    // G minimises -log sigmoid(f) = softplus(-f).
    assertEquals(mean(FAKE, x -> softplus(-x)), got[1], 1e-5);
  }
}
