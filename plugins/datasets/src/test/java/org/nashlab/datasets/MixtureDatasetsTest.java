package org.nashlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nashlab.api.DatasetContext;
import org.tensorflow.ndarray.Shape;

class MixtureDatasetsTest {
  private static final DatasetContext CONTEXT = new DatasetContext(Path.of("unused"));

  @Test
  void ringPutsItsModesEvenlyOnTheCircle() {
    var ring =
        (GaussianMixture) new RingDataset(new RingDataset.Params(8, 2.0, 0.01)).open(CONTEXT);
    List<double[]> modes = ring.modes();
    assertEquals(8, modes.size());
    assertArrayEquals(new double[] {2, 0}, modes.get(0), 1e-12);
    assertArrayEquals(new double[] {0, 2}, modes.get(2), 1e-12);
    assertArrayEquals(new double[] {-Math.sqrt(2), -Math.sqrt(2)}, modes.get(5), 1e-12);
  }

  @Test
  void gridDefaultsArePacGansTwentyFiveModes() {
    var grid =
        (GaussianMixture) new GridDataset(new GridDataset.Params(25, 2.0, 0.05)).open(CONTEXT);
    assertEquals(25, grid.modes().size());
    assertArrayEquals(new double[] {-4, -4}, grid.modes().get(0), 1e-12);
    assertArrayEquals(new double[] {4, 4}, grid.modes().get(24), 1e-12);
    assertEquals(0.05, grid.std());
  }

  @Test
  void gridRejectsACountThatIsNotASquare() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new GridDataset.Params(24, 2.0, 0.05));
    assertTrue(e.getMessage().startsWith("modes must be a perfect square"), e.getMessage());
  }

  @Test
  void samplesSpreadOverEveryModeWithTheConfiguredStd() {
    var ring =
        (GaussianMixture) new RingDataset(new RingDataset.Params(8, 1.0, 0.01)).open(CONTEXT);
    assertEquals(Shape.of(2), ring.sampleShape());
    int n = 80_000;
    float[] xy = new float[2 * n];
    ring.fillBatch(xy, n, new SplittableRandom(3));
    int[] counts = new int[8];
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      int nearest = 0;
      double best = Double.MAX_VALUE;
      for (int m = 0; m < 8; m++) {
        double[] c = ring.modes().get(m);
        double d = Math.pow(xy[2 * i] - c[0], 2) + Math.pow(xy[2 * i + 1] - c[1], 2);
        if (d < best) {
          best = d;
          nearest = m;
        }
      }
      counts[nearest]++;
      sumSquares += best;
    }
    for (int count : counts) {
      assertEquals(n / 8.0, count, 5 * Math.sqrt(n / 8.0));
    }
    // E|x - mu|^2 = 2 std^2 for an isotropic 2-D Gaussian.
    assertEquals(0.01, Math.sqrt(sumSquares / n / 2), 0.0005);
  }
}
