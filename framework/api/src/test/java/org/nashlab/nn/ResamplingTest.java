package org.nashlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Upsampling and pooling against references computed here in plain Java, NHWC. */
class ResamplingTest extends GraphTest {
  @Test
  void upsamplingCopiesEachPixelIntoAFactorByFactorBlock() {
    // [2, 2, 3, 2] to [2, 6, 9, 2]: out[s][i][j][c] = x[s][i / 3][j / 3][c].
    float[] x = random(2 * 2 * 3 * 2, 1);
    float[] got = run(new Upsample(tf, 3).apply(constant(x, 2, 2, 3, 2), Mode.TRAINING))[0];
    assertEquals(2 * 6 * 9 * 2, got.length);
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < 6; i++) {
        for (int j = 0; j < 9; j++) {
          for (int c = 0; c < 2; c++) {
            float expected = x[((s * 2 + i / 3) * 3 + j / 3) * 2 + c];
            assertEquals(expected, got[((s * 6 + i) * 9 + j) * 2 + c], 0f);
          }
        }
      }
    }
  }

  @Test
  void upsamplingNeedsImagesOfKnownSize() {
    var flat = constant(new float[6], 2, 3);
    var error =
        assertThrows(
            IllegalArgumentException.class, () -> new Upsample(tf, 2).apply(flat, Mode.TRAINING));
    assertEquals(
        "upsampling needs [batch, height, width, channels] with known sizes, got [2, 3]",
        error.getMessage());
  }

  @Test
  void averagePoolingTakesTheMeanOfEachWindow() {
    assertArrayEquals(pooled(false), poolWith(Pool.average(tf, 2)), 1e-6f);
  }

  @Test
  void maxPoolingTakesTheLargestValueOfEachWindow() {
    assertArrayEquals(pooled(true), poolWith(Pool.max(tf, 2)), 0f);
  }

  private static final float[] IMAGE = random(2 * 5 * 4 * 3, 2);

  private float[] poolWith(Pool pool) {
    return run(pool.apply(constant(IMAGE, 2, 5, 4, 3), Mode.TRAINING))[0];
  }

  /** 2x2 windows of [2, 5, 4, 3] with stride 2: [2, 2, 2, 3], the fifth row dropped (VALID). */
  private static float[] pooled(boolean maximum) {
    float[] out = new float[2 * 2 * 2 * 3];
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          for (int c = 0; c < 3; c++) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int di = 0; di < 2; di++) {
              for (int dj = 0; dj < 2; dj++) {
                float v = IMAGE[((s * 5 + 2 * i + di) * 4 + 2 * j + dj) * 3 + c];
                sum += v;
                max = Math.max(max, v);
              }
            }
            out[((s * 2 + i) * 2 + j) * 3 + c] = (float) (maximum ? max : sum / 4);
          }
        }
      }
    }
    return out;
  }
}
