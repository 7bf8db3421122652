package org.nashlab.variant.progan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The fade-in on 8 x 8 networks: G's image is the convex combination of the new block's and the
 * previous one's copied up, D sees only what the level of detail shows, and the real images are
 * blended between resolutions as the authors' {@code process_reals} does.
 */
class FadeTest {
  private static final int SIDE = 8;
  private static final Architecture ARCHITECTURE = new Architecture(3, 1, 8, 16, 8, true, 4, true);

  /** alpha = 1 - frac(lod): lod 1 is alpha 0 (the 4 x 4 image copied up), lod 0 is alpha 1. */
  @Test
  void theGeneratorsImageIsTheConvexCombinationOfBothResolutions() {
    try (TestGraph g = new TestGraph()) {
      Placeholder<TFloat32> lod = g.scalar();
      var generator =
          new ProgressiveGenerator(g.tf, ARCHITECTURE, new LevelOfDetail(g.tf, lod), new Seeds(1));
      Operand<TFloat32> images =
          generator.apply(g.constant(TestGraph.gaussian(2 * 8, 1), 2, 8), Mode.TRAINING);
      float[] alpha0 = g.run(Map.of(lod, 1f), List.of(images)).get(0);
      float[] half = g.run(Map.of(lod, 0.5f), List.of(images)).get(0);
      float[] alpha1 = g.run(Map.of(lod, 0f), List.of(images)).get(0);
      float[] quarter = g.run(Map.of(lod, 0.75f), List.of(images)).get(0);
      assertEquals(2 * SIDE * SIDE, alpha0.length);
      boolean newDetail = false;
      for (int i = 0; i < alpha0.length; i++) {
        assertEquals(0.5 * alpha0[i] + 0.5 * alpha1[i], half[i], 1e-6, "pixel " + i);
        assertEquals(0.75 * alpha0[i] + 0.25 * alpha1[i], quarter[i], 1e-6, "pixel " + i);
        assertEquals(
            alpha0[i], alpha0[blockCorner(i)], 1e-6, "alpha 0 is the 4 x 4 image copied up");
        newDetail |= Math.abs(alpha1[i] - alpha1[blockCorner(i)]) > 1e-3;
      }
      assertTrue(newDetail, "at alpha 1 the 8 x 8 block draws its own pixels");
    }
  }

  /** At lod 1 the critic reads the 2 x 2 averages only; at lod 0 every pixel counts. */
  @Test
  void theCriticSeesOnlyTheResolutionTheLevelOfDetailShows() {
    float[] x = TestGraph.gaussian(4 * SIDE * SIDE, 2);
    float[] coarse = coarsened(x, SIDE, 2);
    try (TestGraph g = new TestGraph()) {
      Placeholder<TFloat32> lod = g.scalar();
      var critic =
          new ProgressiveCritic(g.tf, ARCHITECTURE, new LevelOfDetail(g.tf, lod), new Seeds(1));
      Operand<TFloat32> fine = critic.apply(g.constant(x, 4, SIDE, SIDE, 1), Mode.TRAINING);
      Operand<TFloat32> blocky = critic.apply(g.constant(coarse, 4, SIDE, SIDE, 1), Mode.TRAINING);
      List<float[]> atOne = g.run(Map.of(lod, 1f), List.of(fine, blocky));
      List<float[]> atZero = g.run(Map.of(lod, 0f), List.of(fine, blocky));
      for (int i = 0; i < 4; i++) {
        assertEquals(atOne.get(1)[i], atOne.get(0)[i], 1e-5, "sample " + i + " at lod 1");
        assertTrue(
            Math.abs(atZero.get(1)[i] - atZero.get(0)[i]) > 1e-4, "sample " + i + " at lod 0");
      }
    }
  }

  /**
   * Between lod k and k + 1 the reals are the linear blend of their 2^k and 2^(k+1) averages; 16 x
   * 16 images have three levels, 16, 8 and 4.
   */
  @Test
  void realImagesAreBlendedBetweenTheirAveragesAsTheLevelOfDetailFalls() {
    int side = 16;
    float[] x = TestGraph.gaussian(side * side, 3);
    float[] u1 = coarsened(x, side, 2);
    float[] u2 = coarsened(x, side, 4);
    try (TestGraph g = new TestGraph()) {
      Placeholder<TFloat32> lod = g.scalar();
      Operand<TFloat32> reals =
          new LevelOfDetail(g.tf, lod).reals(g.constant(x, 1, side, side, 1), 3);
      Map<Float, float[]> expected =
          Map.of(
              0f, x,
              0.25f, blend(x, u1, 0.25),
              1f, u1,
              1.5f, blend(u1, u2, 0.5),
              2f, u2,
              3f, u2);
      for (var e : expected.entrySet()) {
        float[] seen = g.run(Map.of(lod, e.getKey()), List.of(reals)).get(0);
        for (int i = 0; i < x.length; i++) {
          assertEquals(e.getValue()[i], seen[i], 1e-6, "lod " + e.getKey() + " pixel " + i);
        }
      }
    }
  }

  /** Images (of one channel) averaged over {@code f x f} blocks, copied back to full size. */
  private static float[] coarsened(float[] x, int side, int f) {
    float[] out = new float[x.length];
    int images = x.length / (side * side);
    for (int n = 0; n < images; n++) {
      for (int r = 0; r < side; r += f) {
        for (int c = 0; c < side; c += f) {
          double sum = 0;
          for (int i = 0; i < f * f; i++) {
            sum += x[n * side * side + (r + i / f) * side + c + i % f];
          }
          for (int i = 0; i < f * f; i++) {
            out[n * side * side + (r + i / f) * side + c + i % f] = (float) (sum / (f * f));
          }
        }
      }
    }
    return out;
  }

  private static float[] blend(float[] a, float[] b, double t) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) (a[i] + (b[i] - a[i]) * t);
    }
    return out;
  }

  /** The top-left pixel of the 2 x 2 block of pixel {@code i} of an 8 x 8 single-channel image. */
  private static int blockCorner(int i) {
    int image = i / (SIDE * SIDE);
    int r = i % (SIDE * SIDE) / SIDE;
    int c = i % SIDE;
    return image * SIDE * SIDE + (r & ~1) * SIDE + (c & ~1);
  }
}
