package org.nashlab.variant.stylegan2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The truncation trick: psi = 0 is the generator at the running average of w, psi = 1 is none. */
class TruncationTest {
  private static final Architecture ARCHITECTURE = new Architecture(3, 1, 6, 2, 64, 8, 0);
  private static final int N = 3;

  private static List<Operand<TFloat32>> noises(TestGraph g) {
    List<Operand<TFloat32>> noises = new ArrayList<>();
    for (int i = 0; i < ARCHITECTURE.noiseInputs(); i++) {
      int side = ARCHITECTURE.noiseSide(i);
      noises.add(g.constant(TestGraph.gaussian(N * side * side, 20 + i), N, side, side, 1));
    }
    return noises;
  }

  @SuppressWarnings("unchecked")
  @Test
  void psiZeroSamplesAreTheGeneratorAtTheAverageW() {
    try (TestGraph g = new TestGraph()) {
      StyleGenerator generator = new StyleGenerator(g.tf, ARCHITECTURE, 0.01f, new Seeds(3));
      MappingNetwork mapping = generator.mapping();
      List<Operand<TFloat32>> noises = noises(g);
      Operand<TFloat32> z = g.constant(TestGraph.gaussian(N * 6, 1), N, 6);
      Operand<TFloat32> w = generator.w(z);
      // Move the average away from its start, 0: avg = (1 - 0.5) mean(w) of another batch.
      Operand<TFloat32> other = generator.w(g.constant(TestGraph.gaussian(8 * 6, 2), 8, 6));
      float[] average = g.run((Operand<TFloat32>) mapping.updateAverage(other, 0.5f));
      assertTrue(Math.abs(average[0]) > 1e-4, "the average moved");

      float[] atZero =
          g.run(
              generator.synthesis(
                  generator.broadcast(mapping.truncate(w, g.tf.constant(0f))), noises));
      Operand<TFloat32> averageRows =
          g.tf.tile(
              g.tf.expandDims(mapping.average(), g.tf.constant(0)),
              g.tf.constant(new int[] {N, 1}));
      float[] atAverage = g.run(generator.synthesis(generator.broadcast(averageRows), noises));
      assertArrayEquals(atAverage, atZero, 1e-6f);

      float[] atOne =
          g.run(
              generator.synthesis(
                  generator.broadcast(mapping.truncate(w, g.tf.constant(1f))), noises));
      float[] untruncated = g.run(generator.synthesis(generator.broadcast(w), noises));
      assertArrayEquals(untruncated, atOne, 1e-6f);
      assertEquals(N * 8 * 8, atZero.length);
    }
  }
}
