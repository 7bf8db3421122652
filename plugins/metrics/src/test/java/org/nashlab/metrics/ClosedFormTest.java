package org.nashlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Samples;
import org.nashlab.metrics.ModeCoverageMetric.Counted;
import org.nashlab.metrics.ModeCoverageMetric.Region;
import org.tensorflow.ndarray.Shape;

/** The metrics on inputs whose answer is known in closed form. */
class ClosedFormTest {

  @Test
  void frechetDistanceOfDiagonalGaussiansIsTheClosedForm() {
    // For diagonal covariances: |m1 - m2|^2 + sum (sqrt(a_i) - sqrt(b_i))^2.
    double[] a = {1, 4, 9, 0.25};
    double[] b = {4, 1, 1, 0.25};
    FeatureMoments p = new FeatureMoments(new double[] {0, 1, 2, 3}, CommonOps_DDRM.diag(a));
    FeatureMoments q = new FeatureMoments(new double[] {1, 1, 0, 3}, CommonOps_DDRM.diag(b));
    double expected = 1 + 0 + 4 + 0 + 1 + 1 + 4 + 0;
    assertEquals(expected, FrechetDistance.between(p, q), 1e-12);
  }

  @Test
  void frechetDistanceOfASetToItselfIsZero() {
    Random random = new Random(3);
    DMatrixRMaj rows = new DMatrixRMaj(500, 20);
    for (int i = 0; i < rows.data.length; i++) {
      rows.data[i] = random.nextGaussian();
    }
    FeatureMoments m = FeatureMoments.of(rows);
    assertEquals(0, FrechetDistance.between(m, m), 1e-9);
  }

  @Test
  void inceptionScoreOfConfidentBalancedPredictionsIsTheNumberOfClasses() {
    int classes = 10;
    float[] p = new float[100 * classes];
    for (int i = 0; i < 100; i++) {
      p[i * classes + i % classes] = 1;
    }
    assertEquals(10, InceptionScore.of(p, 100, classes, 1).mean(), 1e-9);
    float[] same = new float[100 * classes];
    java.util.Arrays.fill(same, 0.1f);
    assertEquals(1, InceptionScore.of(same, 100, classes, 2).mean(), 1e-6);
  }

  @Test
  void kernelDistanceOfTwoSamplesOfOneDistributionIsNearZero() {
    Random random = new Random(5);
    DMatrixRMaj x = new DMatrixRMaj(2000, 8);
    DMatrixRMaj y = new DMatrixRMaj(2000, 8);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = random.nextGaussian();
      y.data[i] = random.nextGaussian();
    }
    KernelDistance.Estimate same = KernelDistance.polynomial(x, y, 500);
    assertTrue(Math.abs(same.mean()) < 3 * same.standardError() + 1e-3, same.toString());
    CommonOps_DDRM.add(y, 1.0, y);
    assertTrue(KernelDistance.polynomial(x, y, 500).mean() > 0.5);
  }

  @Test
  void samplesOfTheTrueRingCoverAllEightModesInHighQuality() {
    MixtureModes ring = ring();
    MixtureCoverage coverage = MixtureCoverage.of(trueRing(ring, 2500, 11), ring);
    assertEquals(8, coverage.histogram().covered());
    assertTrue(coverage.highQuality() >= 0.98, "high quality " + coverage.highQuality());
    assertTrue(coverage.histogram().klFromUniform() < 0.01);
    assertTrue(coverage.histogram().collapse().isEmpty());
  }

  @Test
  void aGeneratorCollapsedOntoOneModeCoversOneAndIsFlagged() {
    MixtureModes ring = ring();
    float[] xy = new float[1000 * 2];
    Random random = new Random(12);
    for (int i = 0; i < 1000; i++) {
      xy[2 * i] = (float) (1 + 0.005 * random.nextGaussian());
      xy[2 * i + 1] = (float) (0.005 * random.nextGaussian());
    }
    MixtureCoverage coverage = MixtureCoverage.of(new Samples(1000, Shape.of(2), xy), ring);
    assertEquals(1, coverage.histogram().covered());
    assertEquals(Math.log(8), coverage.histogram().klFromUniform(), 1e-12);
    assertEquals("1 of 8 modes covered", coverage.histogram().collapse().orElseThrow());
  }

  @Test
  void theTrueRingIsHighQualityInTheDiscAndTheBoxAsTheirClosedFormsSay() {
    MixtureModes ring = ring();
    int n = 40_000;
    Samples samples = trueRing(ring, n, 13);
    // P(|x| < 3 std) for a 2-D standard normal is 1 - e^-4.5; P(each |x_j| <= 3 std) is
    // erf(3 / sqrt 2)^2 = 0.99730^2.
    double disc = 1 - Math.exp(-4.5);
    double box = Math.pow(0.9973002039367398, 2);
    double discMeasured =
        MixtureCoverage.of(samples, ring, Region.DISC, Counted.HIGH_QUALITY).highQuality();
    double boxMeasured =
        MixtureCoverage.of(samples, ring, Region.BOX, Counted.HIGH_QUALITY).highQuality();
    assertEquals(disc, discMeasured, 4 * Math.sqrt(disc * (1 - disc) / n));
    assertEquals(box, boxMeasured, 4 * Math.sqrt(box * (1 - box) / n));
  }

  @Test
  void theReadingsDifferWhereTheDiscAndTheBoxDisagreeAndInWhichSamplesTheHistogramCounts() {
    MixtureModes ring = ring();
    double std = ring.std();
    // Near mode 0 (1, 0): one sample 2 std away on each axis (in both regions), three 2.9 std
    // away on each axis (in the box, outside the disc: 4.1 std away), and near mode 2 (0, 1) one
    // sample 4 std away on one axis (in neither).
    float[] xy = {
      (float) (1 + 2 * std), (float) (2 * std),
      (float) (1 + 2.9 * std), (float) (2.9 * std),
      (float) (1 - 2.9 * std), (float) (2.9 * std),
      (float) (1 + 2.9 * std), (float) (-2.9 * std),
      (float) (4 * std), 1f
    };
    Samples samples = new Samples(5, Shape.of(2), xy);
    MixtureCoverage pacgan = MixtureCoverage.of(samples, ring);
    assertEquals(0.2, pacgan.highQuality(), 1e-12);
    assertEquals(1, pacgan.histogram().covered());
    // One high-quality sample in one mode: the whole histogram on one of 8 modes.
    assertEquals(Math.log(8), pacgan.histogram().klFromUniform(), 1e-12);
    MixtureCoverage boxAll = MixtureCoverage.of(samples, ring, Region.BOX, Counted.ALL);
    assertEquals(0.8, boxAll.highQuality(), 1e-12);
    assertEquals(1, boxAll.histogram().covered());
    // 4 samples at mode 0 and 1 at mode 2: q = (0.8, 0.2).
    double kl = 0.8 * Math.log(0.8 * 8) + 0.2 * Math.log(0.2 * 8);
    assertEquals(kl, boxAll.histogram().klFromUniform(), 1e-12);
    MixtureCoverage discAll = MixtureCoverage.of(samples, ring, Region.DISC, Counted.ALL);
    assertEquals(kl, discAll.histogram().klFromUniform(), 1e-12);
    assertEquals(0.2, discAll.highQuality(), 1e-12);
  }

  @Test
  void aDiffuseCloudLooksUniformWhenAllSamplesCountAndHasNoHistogramWhenOnlyGoodOnesDo() {
    MixtureModes ring = ring();
    Random random = new Random(17);
    int n = 4000;
    float[] xy = new float[2 * n];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * random.nextDouble();
      double radius = 0.5 + random.nextDouble();
      xy[2 * i] = (float) (radius * Math.cos(angle));
      xy[2 * i + 1] = (float) (radius * Math.sin(angle));
    }
    Samples cloud = new Samples(n, Shape.of(2), xy);
    assertTrue(
        MixtureCoverage.of(cloud, ring, Region.BOX, Counted.ALL).histogram().klFromUniform()
            < 0.01);
    // Nearly every sample is far from its mode: the few good ones decide the histogram.
    MixtureCoverage pacgan = MixtureCoverage.of(cloud, ring);
    assertTrue(pacgan.highQuality() < 0.01, "high quality " + pacgan.highQuality());
  }

  private static Samples trueRing(MixtureModes ring, int n, long seed) {
    Random random = new Random(seed);
    float[] xy = new float[n * 2];
    for (int i = 0; i < n; i++) {
      double[] centre = ring.modes().get(random.nextInt(8));
      xy[2 * i] = (float) (centre[0] + ring.std() * random.nextGaussian());
      xy[2 * i + 1] = (float) (centre[1] + ring.std() * random.nextGaussian());
    }
    return new Samples(n, Shape.of(2), xy);
  }

  private static MixtureModes ring() {
    List<double[]> modes =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(k -> new double[] {Math.cos(k * Math.PI / 4), Math.sin(k * Math.PI / 4)})
            .toList();
    return new MixtureModes() {
      @Override
      public List<double[]> modes() {
        return modes;
      }

      @Override
      public double std() {
        return 0.01;
      }
    };
  }
}
