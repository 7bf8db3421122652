package org.nashlab.variant.seqgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * The policy gradient SeqGAN's generator takes, on a one-step policy: the REINFORCE estimate from
 * tokens drawn by the generator's own sampler, {@code -mean(log p(x) R(x))} differentiated, equals
 * the analytic gradient of the expected reward, {@code d E[R] / d logit_k = p_k (R_k - E[R])},
 * within its Monte Carlo error.
 */
class ReinforceTest {
  private static final float[] REWARD = {0.1f, 0.9f, 0.4f, 0.2f};

  @SuppressWarnings("unchecked")
  @Test
  void theReinforceGradientOfAOneStepPolicyIsTheGradientOfTheExpectedReward() {
    int n = 100_000;
    try (TestGraph g = new TestGraph()) {
      Ops tf = g.tf;
      LstmGenerator generator = new LstmGenerator(tf, "g", REWARD.length, 3, 5, new Seeds(1));
      float[] u = new float[n];
      SplittableRandom random = new SplittableRandom(11);
      for (int i = 0; i < n; i++) {
        u[i] = (float) random.nextDouble();
      }
      Operand<TFloat64> uniforms = tf.dtypes.cast(g.constant(u, n, 1), TFloat64.class);
      LstmGenerator.Drawn drawn = generator.draw(uniforms, 1);
      Operand<TFloat32> reward = tf.gather(tf.constant(REWARD), drawn.tokens(), tf.constant(0));
      Operand<TFloat32> loss =
          tf.math.div(
              tf.math.neg(
                  tf.sum(
                      tf.math.mul(generator.logProbabilities(drawn.tokens(), 1), reward),
                      tf.constant(new int[] {0, 1}))),
              tf.constant((float) n));
      // The output bias shifts the logits one for one: its gradient is the logits'.
      Operand<TFloat32> outputBias = generator.variables().get(4);
      Output<?>[] gradient =
          g.graph.addGradients(
              "pg",
              new Output<?>[] {loss.asOutput()},
              new Output<?>[] {outputBias.asOutput()},
              new Output<?>[] {tf.constant(1f).asOutput()});
      Operand<TFloat32> probabilities =
          tf.nn.softmax(
              generator.logits(
                  generator.step(generator.start(uniforms), generator.startTokens(uniforms))));
      List<float[]> values =
          g.run(Map.of(), List.of((Operand<TFloat32>) gradient[0], probabilities));
      float[] estimate = values.get(0);
      float[] p = java.util.Arrays.copyOf(values.get(1), REWARD.length);
      double expected = 0;
      for (int k = 0; k < REWARD.length; k++) {
        expected += p[k] * REWARD[k];
      }
      double largest = 0;
      for (int k = 0; k < REWARD.length; k++) {
        double analytic = p[k] * (REWARD[k] - expected);
        largest = Math.max(largest, Math.abs(analytic));
        // The loss is minimised: its gradient is minus the expected reward's.
        assertEquals(
            -analytic,
            estimate[k],
            0.012,
            "logit " + k + " with p = " + java.util.Arrays.toString(p));
      }
      assertTrue(largest > 0.05, "the test can tell: largest analytic component " + largest);
    }
  }
}
