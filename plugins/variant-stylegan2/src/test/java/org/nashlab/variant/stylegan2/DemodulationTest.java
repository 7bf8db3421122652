package org.nashlab.variant.stylegan2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.ndarray.Shape;

/**
 * Demodulation (the paper's equation 3) returns unit-variance inputs to unit variance whatever the
 * style; without it the output's variance is the modulated weights' squared norm.
 */
class DemodulationTest {
  private static final int N = 4;
  private static final int SIDE = 16;
  private static final int IN = 48;
  private static final int OUT = 24;
  private static final int LATENT = 8;

  /** The mean square of the outputs away from the zero-padded border. */
  private static double interiorMeanSquare(float[] y) {
    double sum = 0;
    long count = 0;
    for (int n = 0; n < N; n++) {
      for (int i = 1; i < SIDE - 1; i++) {
        for (int j = 1; j < SIDE - 1; j++) {
          for (int c = 0; c < OUT; c++) {
            double v = y[((n * SIDE + i) * SIDE + j) * OUT + c];
            sum += v * v;
            count++;
          }
        }
      }
    }
    return sum / count;
  }

  private static double outputMeanSquare(boolean demodulate, float wScale) {
    try (TestGraph g = new TestGraph()) {
      ModulatedConv conv =
          new ModulatedConv(
              g.tf, "g_conv", Shape.of(3, 3, IN, OUT), LATENT, demodulate, false, new Seeds(5));
      float[] w = TestGraph.gaussian(N * LATENT, 11);
      for (int i = 0; i < w.length; i++) {
        w[i] *= wScale;
      }
      float[] x = TestGraph.gaussian(N * SIDE * SIDE * IN, 12);
      return interiorMeanSquare(
          g.run(conv.apply(g.constant(x, N, SIDE, SIDE, IN), g.constant(w, N, LATENT))));
    }
  }

  @Test
  void demodulatedOutputsOfUnitVarianceInputsHaveUnitVariance() {
    // Styles of very different sizes: w scaled by 0.1 (styles near 1) and by 5 (styles far from 1).
    assertEquals(1, outputMeanSquare(true, 0.1f), 0.03);
    assertEquals(1, outputMeanSquare(true, 5f), 0.03);
  }

  @Test
  void withoutDemodulationTheVarianceFollowsTheStyles() {
    double small = outputMeanSquare(false, 0.1f);
    double large = outputMeanSquare(false, 5f);
    // Equalized weights keep styles of about 1 at about unit variance; large styles inflate it.
    assertEquals(1, small, 0.25);
    assertEquals(true, large > 5, "mean square " + large);
  }

  /** toRGB scales its weights by 1 / sqrt(fan_in) once: styles near 1 keep unit variance. */
  @Test
  void toRgbKeepsUnitVarianceInputsAtUnitVariance() {
    try (TestGraph g = new TestGraph()) {
      SynthesisLayer rgb = SynthesisLayer.toRgb(g.tf, "g_torgb", IN, OUT, LATENT, new Seeds(6));
      float[] w = TestGraph.gaussian(N * LATENT, 13);
      for (int i = 0; i < w.length; i++) {
        w[i] *= 0.1f;
      }
      float[] x = TestGraph.gaussian(N * SIDE * SIDE * IN, 14);
      double meanSquare =
          interiorMeanSquare(
              g.run(rgb.apply(g.constant(x, N, SIDE, SIDE, IN), g.constant(w, N, LATENT))));
      assertEquals(1, meanSquare, 0.25);
    }
  }
}
