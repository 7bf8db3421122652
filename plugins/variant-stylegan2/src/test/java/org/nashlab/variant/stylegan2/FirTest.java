package org.nashlab.variant.stylegan2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nashlab.testkit.TestGraph;

/**
 * The FIR resampling against {@code upfirdn2d} written out directly: zeros inserted, the border
 * padded with zeros, the 2-D filter {@code outer(f, f) / sum * gain} correlated, every {@code
 * down}-th value kept.
 */
class FirTest {
  private static final double[] F = {1, 3, 3, 1};
  private static final int N = 2;
  private static final int SIDE = 6;
  private static final int C = 3;

  /** upfirdn2d on {@code [N, side, side, C]}, as the authors' reference {@code upfirdn2d_ref}. */
  private static float[] upfirdn(
      float[] x, int side, int up, int down, int pad0, int pad1, double gain) {
    int upSide = side * up;
    int padded = upSide + pad0 + pad1;
    int outFull = padded - F.length + 1;
    int out = (outFull + down - 1) / down;
    float[] y = new float[N * out * out * C];
    double norm = 0;
    for (double a : F) {
      for (double b : F) {
        norm += a * b;
      }
    }
    for (int n = 0; n < N; n++) {
      for (int c = 0; c < C; c++) {
        for (int oi = 0; oi < out; oi++) {
          for (int oj = 0; oj < out; oj++) {
            double sum = 0;
            for (int a = 0; a < F.length; a++) {
              for (int b = 0; b < F.length; b++) {
                int pi = oi * down + a - pad0;
                int pj = oj * down + b - pad0;
                if (pi < 0
                    || pj < 0
                    || pi >= upSide
                    || pj >= upSide
                    || pi % up != 0
                    || pj % up != 0) {
                  continue;
                }
                int i = pi / up;
                int j = pj / up;
                sum += F[a] * F[b] / norm * gain * x[((n * side + i) * side + j) * C + c];
              }
            }
            y[((n * out + oi) * out + oj) * C + c] = (float) sum;
          }
        }
      }
    }
    return y;
  }

  private static final float[] X = TestGraph.gaussian(N * SIDE * SIDE * C, 7);

  @Test
  void upsamplingIsUpfirdnWithUp2Padding2And1AndGain4() {
    try (TestGraph g = new TestGraph()) {
      float[] ours = g.run(new Fir(g.tf).upsample(g.constant(X, N, SIDE, SIDE, C)));
      assertArrayEquals(upfirdn(X, SIDE, 2, 1, 2, 1, 4), ours, 1e-5f);
    }
  }

  @Test
  void downsamplingIsUpfirdnWithDown2Padding1() {
    try (TestGraph g = new TestGraph()) {
      float[] ours = g.run(new Fir(g.tf).downsample(g.constant(X, N, SIDE, SIDE, C)));
      assertArrayEquals(upfirdn(X, SIDE, 1, 2, 1, 1, 1), ours, 1e-5f);
    }
  }

  @Test
  void theBlurBeforeAStridedConvolutionIsTheFilterAtPadding2() {
    try (TestGraph g = new TestGraph()) {
      float[] ours = g.run(new Fir(g.tf).blur(g.constant(X, N, SIDE, SIDE, C)));
      assertArrayEquals(upfirdn(X, SIDE, 1, 1, 2, 2, 1), ours, 1e-5f);
    }
  }
}
