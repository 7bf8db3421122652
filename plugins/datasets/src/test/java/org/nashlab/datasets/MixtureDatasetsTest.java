package org.nashlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nashlab.api.DatasetContext;
import org.tensorflow.ndarray.Shape;

class MixtureDatasetsTest {
  private static final DatasetContext CONTEXT = new DatasetContext(Path.of("unused"));

  @Test
  void ringPutsItsModesEvenlyOnTheCircle() {
    var ring =
        (GaussianMixture)
            new RingDataset(new RingDataset.Params(8, 2.0, 0.01, 0, Sampling.EPOCHS)).open(CONTEXT);
    List<double[]> modes = ring.modes();
    assertEquals(8, modes.size());
    assertArrayEquals(new double[] {2, 0}, modes.get(0), 1e-12);
    assertArrayEquals(new double[] {0, 2}, modes.get(2), 1e-12);
    assertArrayEquals(new double[] {-Math.sqrt(2), -Math.sqrt(2)}, modes.get(5), 1e-12);
  }

  @Test
  void gridDefaultsArePacGansTwentyFiveModes() {
    var grid =
        (GaussianMixture)
            new GridDataset(new GridDataset.Params(25, 2.0, 0.05, 0, Sampling.EPOCHS))
                .open(CONTEXT);
    assertEquals(25, grid.modes().size());
    assertArrayEquals(new double[] {-4, -4}, grid.modes().get(0), 1e-12);
    assertArrayEquals(new double[] {4, 4}, grid.modes().get(24), 1e-12);
    assertEquals(0.05, grid.std());
  }

  @Test
  void gridRejectsACountThatIsNotASquare() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GridDataset.Params(24, 2.0, 0.05, 0, Sampling.EPOCHS));
    assertTrue(e.getMessage().startsWith("modes must be a perfect square"), e.getMessage());
  }

  @Test
  void samplesSpreadOverEveryModeWithTheConfiguredStd() {
    var ring =
        (GaussianMixture)
            new RingDataset(new RingDataset.Params(8, 1.0, 0.01, 0, Sampling.EPOCHS)).open(CONTEXT);
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

  @Test
  void aFixedSetDependsOnlyOnTheSeedAndEachEpochHandsOutEverySampleOnce() {
    var params = new RingDataset.Params(8, 1.0, 0.01, 1000, Sampling.EPOCHS);
    var set = (FixedMixtureSet) new RingDataset(params).open(new DatasetContext(Path.of("u"), 7));
    var same = (FixedMixtureSet) new RingDataset(params).open(new DatasetContext(Path.of("u"), 7));
    var other = (FixedMixtureSet) new RingDataset(params).open(new DatasetContext(Path.of("u"), 8));
    assertArrayEquals(set.points(), same.points());
    assertFalse(Arrays.equals(set.points(), other.points()));
    // Batches of 300 cross the epochs' ends: 3.33 epochs, the first three complete.
    float[] batch = new float[2 * 300];
    List<String> handedOut = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      set.fillBatch(batch, 300, new SplittableRandom(b));
      for (int i = 0; i < 300; i++) {
        handedOut.add(batch[2 * i] + "," + batch[2 * i + 1]);
      }
    }
    Set<String> points = new HashSet<>();
    float[] all = set.points();
    for (int i = 0; i < 1000; i++) {
      points.add(all[2 * i] + "," + all[2 * i + 1]);
    }
    for (int epoch = 0; epoch < 3; epoch++) {
      List<String> seen = handedOut.subList(1000 * epoch, 1000 * (epoch + 1));
      assertEquals(points, new HashSet<>(seen), "epoch " + epoch);
    }
    assertNotEquals(handedOut.subList(0, 1000), handedOut.subList(1000, 2000));
  }

  @Test
  void aRestoredEpochPositionContinuesTheSameSequenceOfBatches() {
    var params = new GridDataset.Params(25, 2.0, 0.05, 500, Sampling.EPOCHS);
    var context = new DatasetContext(Path.of("u"), 3);
    var trained = new GridDataset(params).open(context);
    float[] batch = new float[2 * 64];
    for (int b = 0; b < 9; b++) {
      trained.fillBatch(batch, 64, new SplittableRandom(b));
    }
    var resumed = new GridDataset(params).open(context);
    resumed.restore(trained.state());
    float[] expected = new float[2 * 64];
    float[] actual = new float[2 * 64];
    for (int b = 0; b < 12; b++) {
      trained.fillBatch(expected, 64, new SplittableRandom(b));
      resumed.fillBatch(actual, 64, new SplittableRandom(b));
      assertArrayEquals(expected, actual, "batch " + b + " after the restore");
    }
  }

  @Test
  void uniformSamplingDrawsFromTheSetWithTheDataStreamAndKeepsNoState() {
    var params = new RingDataset.Params(8, 1.0, 0.01, 10, Sampling.UNIFORM);
    var set = (FixedMixtureSet) new RingDataset(params).open(new DatasetContext(Path.of("u"), 1));
    float[] all = set.points();
    float[] batch = new float[2 * 5000];
    set.fillBatch(batch, 5000, new SplittableRandom(2));
    int[] counts = new int[10];
    for (int i = 0; i < 5000; i++) {
      int found = -1;
      for (int p = 0; p < 10; p++) {
        if (all[2 * p] == batch[2 * i] && all[2 * p + 1] == batch[2 * i + 1]) {
          found = p;
        }
      }
      assertTrue(found >= 0, "sample " + i + " is not in the set");
      counts[found]++;
    }
    for (int count : counts) {
      assertEquals(500, count, 5 * Math.sqrt(500));
    }
    assertEquals(java.util.Map.of(), set.state());
  }
}
