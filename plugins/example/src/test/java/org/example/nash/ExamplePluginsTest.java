package org.example.nash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nashlab.api.DataSource;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.PluginKind;
import org.nashlab.testkit.PluginContract;

class ExamplePluginsTest {
  @Test
  void keepsThePluginContract() {
    var plugins = PluginContract.classpathPlugins();
    assertTrue(plugins.find(PluginKind.DATASET, "spiral").isPresent());
    assertTrue(plugins.find(PluginKind.VARIANT, "multi-critic").isPresent());
    assertEquals(List.of(), PluginContract.problems(plugins));
  }

  @Test
  void spiralPointsLieWithinTheUnitDiscPlusNoise() {
    DataSource spiral =
        new SpiralDataset(new SpiralDataset.Params(1.5, 0.0))
            .open(new DatasetContext(Path.of(".")));
    float[] xy = new float[2 * 1000];
    spiral.fillBatch(xy, 1000, new SplittableRandom(1));
    for (int i = 0; i < 1000; i++) {
      assertTrue(Math.hypot(xy[2 * i], xy[2 * i + 1]) <= 1.0 + 1e-6);
    }
  }
}
