package org.nashlab.variant.stylegan2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Style mixing: which w each layer gets, and the crossover drawn from the fed normals. */
class MixingTest {
  private static final Architecture ARCHITECTURE = new Architecture(5, 1, 4, 2, 64, 8, 0);

  @Test
  void theLayersFromTheCrossoverOnTakeTheSecondLatentsStylesExactly() {
    try (TestGraph g = new TestGraph()) {
      StyleGenerator generator = new StyleGenerator(g.tf, ARCHITECTURE, 0.01f, new Seeds(1));
      float[] z1 = TestGraph.gaussian(3 * 4, 1);
      float[] z2 = TestGraph.gaussian(3 * 4, 2);
      Operand<TFloat32> w1 = generator.w(g.constant(z1, 3, 4));
      Operand<TFloat32> w2 = generator.w(g.constant(z2, 3, 4));
      for (int crossover = 1; crossover < ARCHITECTURE.styles(); crossover++) {
        float[] mixed = g.run(generator.mixed(w1, w2, g.tf.constant((float) crossover)));
        float[] first = g.run(w1);
        float[] second = g.run(w2);
        for (int n = 0; n < 3; n++) {
          for (int layer = 0; layer < ARCHITECTURE.styles(); layer++) {
            float[] expected = layer < crossover ? first : second;
            int at = (n * ARCHITECTURE.styles() + layer) * 4;
            assertArrayEquals(
                Arrays.copyOfRange(expected, n * 4, n * 4 + 4),
                Arrays.copyOfRange(mixed, at, at + 4),
                "crossover " + crossover + ", sample " + n + ", layer " + layer);
          }
        }
      }
    }
  }

  /** The standard normal's quantile at u. */
  private static float normalQuantile(double u) {
    return (float) NormalDistribution.of(0, 1).inverseCumulativeProbability(u);
  }

  @Test
  void theCrossoverIsUniformOverOneToStylesMinusOneWithTheMixingProbability() {
    int styles = ARCHITECTURE.styles();
    try (TestGraph g = new TestGraph()) {
      // u1 = 0.95 >= p = 0.9: no mixing.
      float none =
          g.run(
                  Mixing.crossover(
                      g.tf,
                      g.constant(new float[] {normalQuantile(0.95), 0, 5, 5}, 2, 2),
                      0.9f,
                      styles))[0];
      assertEquals(styles, none);
      for (int k = 0; k < styles - 1; k++) {
        // u2 in the middle of the k-th of styles - 1 equal parts: crossover 1 + k.
        double u2 = (k + 0.5) / (styles - 1);
        float cut =
            g.run(
                    Mixing.crossover(
                        g.tf,
                        g.constant(new float[] {normalQuantile(0.5), normalQuantile(u2)}, 1, 2),
                        0.9f,
                        styles))[0];
        assertEquals(1 + k, cut, "u2 = " + u2);
      }
    }
  }
}
