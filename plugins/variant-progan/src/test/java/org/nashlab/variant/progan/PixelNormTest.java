package org.nashlab.variant.progan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nashlab.nn.Mode;
import org.nashlab.testkit.TestGraph;

/** Pixel norm leaves every pixel's feature vector with mean square 1 and its direction. */
class PixelNormTest {
  @Test
  void everyPixelHasUnitMeanSquareOverItsChannels() {
    int pixels = 2 * 3 * 3;
    int channels = 8;
    float[] x = TestGraph.gaussian(pixels * channels, 5);
    for (int i = 0; i < x.length; i++) {
      x[i] *= 1 + i % 7; // pixels of different sizes
    }
    try (TestGraph g = new TestGraph()) {
      float[] y = g.run(new PixelNorm(g.tf).apply(g.constant(x, 2, 3, 3, channels), Mode.TRAINING));
      for (int p = 0; p < pixels; p++) {
        double meanSquare = 0;
        double inputMeanSquare = 0;
        for (int c = 0; c < channels; c++) {
          meanSquare += y[p * channels + c] * y[p * channels + c] / (double) channels;
          inputMeanSquare += x[p * channels + c] * x[p * channels + c] / (double) channels;
        }
        assertEquals(1, meanSquare, 1e-5, "pixel " + p);
        for (int c = 0; c < channels; c++) {
          assertEquals(
              x[p * channels + c] / Math.sqrt(inputMeanSquare + 1e-8), y[p * channels + c], 1e-5);
        }
      }
    }
  }
}
