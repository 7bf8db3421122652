package org.nashlab.variant.seqgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Rollouts continue a drawn prefix without changing it: from the prefix's state, at the uniforms
 * the drawn sequence itself used, a completion is that sequence exactly (the state hand-over is
 * right); at other uniforms the prefix stays and the rest is drawn anew. Rewards are probabilities,
 * the last D's judgement of the whole sequence.
 */
class RolloutTest {
  private static final int ROWS = 6;
  private static final int LENGTH = 7;

  @Test
  void aRolloutCompletesAPrefixWithoutChangingIt() {
    try (TestGraph g = new TestGraph()) {
      Ops tf = g.tf;
      LstmGenerator generator = new LstmGenerator(tf, "g", 9, 4, 8, new Seeds(2));
      TokenCritic critic =
          new TokenCritic(tf, "d", 9, 4, Filters.parse("2:3, 3:3"), 0.25f, new Seeds(3));
      Rollouts rollouts = new Rollouts(tf, generator, critic, 1, LENGTH);
      Operand<TFloat64> uniforms =
          Categorical.uniform(tf, g.constant(TestGraph.gaussian(ROWS * LENGTH, 5), ROWS, LENGTH));
      Operand<TFloat64> others =
          Categorical.uniform(tf, g.constant(TestGraph.gaussian(ROWS * LENGTH, 6), ROWS, LENGTH));
      LstmGenerator.Drawn drawn = generator.draw(uniforms, LENGTH);
      float[] sequence = g.run(asFloat(tf, drawn.tokens()));
      int changed = 0;
      for (int prefix = 1; prefix < LENGTH; prefix++) {
        int rest = LENGTH - prefix;
        float[] same =
            g.run(asFloat(tf, rollouts.complete(drawn, tail(tf, uniforms, prefix), prefix)));
        assertArrayEquals(
            sequence, same, "completed from " + prefix + " tokens at their own uniforms");
        float[] redrawn =
            g.run(asFloat(tf, rollouts.complete(drawn, tail(tf, others, prefix), prefix)));
        for (int row = 0; row < ROWS; row++) {
          for (int t = 0; t < LENGTH; t++) {
            float was = sequence[row * LENGTH + t];
            float now = redrawn[row * LENGTH + t];
            if (t < prefix) {
              assertEquals(was, now, "prefix token " + t + " of row " + row + " from " + prefix);
            } else if (was != now) {
              changed++;
            }
          }
        }
        assertEquals(ROWS * LENGTH, redrawn.length, rest + " tokens drawn after the prefix");
      }
      assertTrue(changed > 0, "other uniforms draw other completions");
    }
  }

  @Test
  void rewardsAreProbabilitiesWithTheLastOneDsJudgementOfTheWholeSequence() {
    try (TestGraph g = new TestGraph()) {
      Ops tf = g.tf;
      LstmGenerator generator = new LstmGenerator(tf, "g", 9, 4, 8, new Seeds(2));
      TokenCritic critic =
          new TokenCritic(tf, "d", 9, 4, Filters.parse("2:3"), 0.25f, new Seeds(3));
      int rollouts = 3;
      Rollouts rewarder = new Rollouts(tf, generator, critic, rollouts, LENGTH);
      LstmGenerator.Drawn drawn =
          generator.draw(
              Categorical.uniform(
                  tf, g.constant(TestGraph.gaussian(ROWS * LENGTH, 5), ROWS, LENGTH)),
              LENGTH);
      int perRow = Rollouts.uniformsPerRow(rollouts, LENGTH);
      Operand<TFloat64> rolloutUniforms =
          Categorical.uniform(tf, g.constant(TestGraph.gaussian(ROWS * perRow, 8), ROWS, perRow));
      Operand<TFloat32> whole =
          tf.math.sigmoid(
              critic.apply(critic.embed(drawn.tokens()), org.nashlab.nn.Mode.INFERENCE));
      List<float[]> values =
          g.run(Map.of(), List.of(rewarder.rewards(drawn, rolloutUniforms), whole));
      float[] rewards = values.get(0);
      assertEquals(ROWS * LENGTH, rewards.length);
      for (float r : rewards) {
        assertTrue(r > 0 && r < 1, "reward " + r);
      }
      for (int row = 0; row < ROWS; row++) {
        assertEquals(values.get(1)[row], rewards[row * LENGTH + LENGTH - 1], 1e-6f);
      }
    }
  }

  private static Operand<TFloat64> tail(Ops tf, Operand<TFloat64> uniforms, int from) {
    return tf.slice(uniforms, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, -1}));
  }

  private static Operand<TFloat32> asFloat(Ops tf, Operand<TInt32> tokens) {
    return tf.dtypes.cast(tokens, TFloat32.class);
  }
}
