package org.nashlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.testkit.NumpyReference;

/**
 * Every feature-space metric against an independent numpy/scipy computation on the same feature
 * matrices: FID through {@code scipy.linalg.sqrtm}, the rest written out from the papers' formulas.
 */
class NumpyReferenceIT {
  private static final int DIM = 48;
  private static final int FAKE = 900;
  private static final int REAL = 1000;
  private static final String SCRIPT =
      """
      import numpy as np
      from scipy import linalg
      fake = np.loadtxt("fake.txt", dtype=np.float32).astype(np.float64)
      real = np.loadtxt("real.txt", dtype=np.float32).astype(np.float64)
      probs = np.loadtxt("probs.txt", dtype=np.float32).astype(np.float64)

      def fid(a, b):
          m1, m2 = a.mean(0), b.mean(0)
          s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
          covmean = linalg.sqrtm(s1.dot(s2)).real
          return ((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)

      def mmd2u(x, y):
          d = x.shape[1]
          kxx = (x @ x.T / d + 1) ** 3
          kyy = (y @ y.T / d + 1) ** 3
          kxy = (x @ y.T / d + 1) ** 3
          m, n = len(x), len(y)
          return ((kxx.sum() - np.trace(kxx)) / (m * (m - 1))
                  + (kyy.sum() - np.trace(kyy)) / (n * (n - 1)) - 2 * kxy.sum() / (m * n))

      def dist(a, b):
          return np.sqrt(np.maximum(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1), 0))

      def radii(x, k):
          return np.partition(dist(x, x), k, axis=1)[:, k]

      print("fid", fid(fake, real))
      blocks = min(len(fake), len(real)) // 200
      est = [mmd2u(fake[i*200:(i+1)*200], real[i*200:(i+1)*200]) for i in range(blocks)]
      print("kid", np.mean(est))
      print("kid_stderr", np.std(est, ddof=1) / np.sqrt(blocks))
      scores = []
      for part in np.array_split(probs, 5):
          py = part.mean(0, keepdims=True)
          scores.append(np.exp((part * (np.log(part) - np.log(py))).sum(1).mean()))
      print("is", np.mean(scores))
      print("is_std", np.std(scores))
      rr, fr = radii(real, 3), radii(fake, 3)
      print("precision", (dist(fake, real) <= rr[None, :]).any(1).mean())
      print("recall", (dist(real, fake) <= fr[None, :]).any(1).mean())
      r5 = radii(real, 5)
      inside = dist(real, fake) <= r5[:, None]
      print("density", inside.sum() / (5 * len(fake)))
      print("coverage", inside.any(1).mean())
      """;

  private static float[] fake;
  private static float[] real;
  private static float[] probabilities;
  private static Map<String, Double> reference;

  @BeforeAll
  static void computeReference(@TempDir Path folder) throws Exception {
    Random random = new Random(7);
    real = correlatedGaussian(random, REAL, 0f, 1f);
    fake = correlatedGaussian(random, FAKE, 0.2f, 1.15f);
    probabilities = softmaxRows(random, 1000, 10);
    NumpyReference.writeMatrix(folder.resolve("fake.txt"), fake, DIM);
    NumpyReference.writeMatrix(folder.resolve("real.txt"), real, DIM);
    NumpyReference.writeMatrix(folder.resolve("probs.txt"), probabilities, 10);
    reference = NumpyReference.run(SCRIPT, folder);
  }

  @Test
  void frechetDistanceMatchesScipySqrtm() {
    double fid =
        FrechetDistance.between(
            FeatureMoments.of(FeatureRows.of(fake, FAKE, DIM)),
            FeatureMoments.of(FeatureRows.of(real, REAL, DIM)));
    assertRelative(reference.get("fid"), fid, 1e-6);
    assertTrue(fid > 1, "the sets differ, so the distance is not near 0: " + fid);
  }

  @Test
  void kernelDistanceAndItsStandardErrorMatchNumpy() {
    KernelDistance.Estimate kid =
        KernelDistance.polynomial(
            FeatureRows.of(fake, FAKE, DIM), FeatureRows.of(real, REAL, DIM), 200);
    assertEquals(4, kid.blocks());
    assertRelative(reference.get("kid"), kid.mean(), 1e-6);
    assertRelative(reference.get("kid_stderr"), kid.standardError(), 1e-6);
  }

  @Test
  void inceptionScoreMatchesNumpy() {
    InceptionScore.Score score = InceptionScore.of(probabilities, 1000, 10, 5);
    assertRelative(reference.get("is"), score.mean(), 1e-6);
    assertRelative(reference.get("is_std"), score.std(), 1e-5);
  }

  @Test
  void precisionAndRecallMatchBruteForceNumpy() {
    DMatrixRMaj f = FeatureRows.of(fake, FAKE, DIM);
    DMatrixRMaj r = FeatureRows.of(real, REAL, DIM);
    double precision = NeighbourBalls.around(r, 3).membership(f).queriesInside();
    double recall = NeighbourBalls.around(f, 3).membership(r).queriesInside();
    assertEquals(reference.get("precision"), precision, 1e-12);
    assertEquals(reference.get("recall"), recall, 1e-12);
    assertTrue(precision > 0.05 && precision < 0.999, "a non-trivial precision: " + precision);
  }

  @Test
  void densityAndCoverageMatchBruteForceNumpy() {
    NeighbourBalls.Membership m =
        NeighbourBalls.around(FeatureRows.of(real, REAL, DIM), 5)
            .membership(FeatureRows.of(fake, FAKE, DIM));
    assertEquals(reference.get("density"), m.totalMemberships() / (5.0 * FAKE), 1e-12);
    assertEquals(reference.get("coverage"), m.ballsReached(), 1e-12);
  }

  private static void assertRelative(double expected, double actual, double tolerance) {
    assertEquals(
        expected,
        actual,
        Math.abs(expected) * tolerance,
        "expected " + expected + ", got " + actual);
  }

  /** Rows {@code shift + scale * A z} with a fixed random mixing A, so the covariance is full. */
  private static float[] correlatedGaussian(Random random, int n, float shift, float scale) {
    Random mixing = new Random(99);
    double[][] a = new double[DIM][DIM];
    for (int i = 0; i < DIM; i++) {
      for (int j = 0; j < DIM; j++) {
        a[i][j] = mixing.nextGaussian() / Math.sqrt(DIM) + (i == j ? 1 : 0);
      }
    }
    float[] rows = new float[n * DIM];
    double[] z = new double[DIM];
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < DIM; j++) {
        z[j] = random.nextGaussian();
      }
      for (int i = 0; i < DIM; i++) {
        double v = 0;
        for (int j = 0; j < DIM; j++) {
          v += a[i][j] * z[j];
        }
        rows[s * DIM + i] = (float) (shift + scale * v);
      }
    }
    return rows;
  }

  private static float[] softmaxRows(Random random, int n, int classes) {
    float[] p = new float[n * classes];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double[] e = new double[classes];
      for (int c = 0; c < classes; c++) {
        e[c] = Math.exp(3 * random.nextGaussian());
        sum += e[c];
      }
      for (int c = 0; c < classes; c++) {
        p[i * classes + c] = (float) (e[c] / sum);
      }
    }
    return p;
  }
}
