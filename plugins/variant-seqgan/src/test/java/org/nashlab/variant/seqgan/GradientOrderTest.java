package org.nashlab.variant.seqgan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.GradientOrder;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * G's and D's gradients are built in the same order in every process, so a run repeats bit for bit
 * and resumes exactly: no op on their paths has more inputs than TensorFlow's builder visits in a
 * fixed order. The sequences are the paper's 20 tokens and D has the authors' 12 filter widths,
 * where a plain stack of the steps and a plain concatenation of the widths would not be.
 */
class GradientOrderTest {
  private static final int ROWS = 3;
  private static final int LENGTH = 20;
  private static final int VOCABULARY = 9;

  @Test
  void generatorAndDiscriminatorGradientsHaveAFixedOrder() {
    try (TestGraph g = new TestGraph()) {
      Ops tf = g.tf;
      LstmGenerator generator = new LstmGenerator(tf, "g", VOCABULARY, 4, 8, new Seeds(2));
      TokenCritic critic =
          new TokenCritic(
              tf, "d", VOCABULARY, 4, Filters.parse(Filters.PAPER), 0.25f, new Seeds(3));
      int rollouts = 2;
      Operand<TInt32> real = tf.constant(new int[ROWS][LENGTH]);
      LstmGenerator.Drawn drawn = generator.draw(uniforms(g, 5, LENGTH), LENGTH);
      Operand<TFloat32> rewards =
          new Rollouts(tf, generator, critic, rollouts, LENGTH)
              .rewards(drawn, uniforms(g, 6, Rollouts.uniformsPerRow(rollouts, LENGTH)));
      Operand<TFloat32> generatorLoss =
          tf.math.add(
              sum(tf, generator.logProbabilities(real, LENGTH)),
              sum(tf, tf.math.mul(generator.logProbabilities(drawn.tokens(), LENGTH), rewards)));
      Operand<TFloat32> criticLoss =
          tf.math.sub(
              sum(tf, critic.apply(critic.embed(real), Mode.TRAINING)),
              sum(tf, critic.apply(critic.embed(drawn.tokens()), Mode.TRAINING)));

      assertEquals(
          List.of(), GradientOrder.wideOps(g.graph, generatorLoss, generator.variables()), "G");
      assertEquals(List.of(), GradientOrder.wideOps(g.graph, criticLoss, critic.variables()), "D");
    }
  }

  private static Operand<org.tensorflow.types.TFloat64> uniforms(
      TestGraph g, long seed, int columns) {
    return Categorical.uniform(
        g.tf, g.constant(TestGraph.gaussian(ROWS * columns, seed), ROWS, columns));
  }

  private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x) {
    return tf.sum(x, tf.constant(new int[] {0, 1}));
  }
}
