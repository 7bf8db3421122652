package {{package}};

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

class {{class}}Test {
  @Test
  void keepsThePluginContract() {
    var plugins = PluginContract.classpathPlugins();
    assertTrue(plugins.find(PluginKind.DATASET, "{{name}}").isPresent());
    assertEquals(List.of(), PluginContract.problems(plugins));
  }

  @Test
  void withoutNoiseEverySampleLiesOnOneOfTheTwoHalfCirclesAndBothAreDrawn() {
    DataSource moons =
        new {{class}}(new {{class}}.Params(0)).open(new DatasetContext(Path.of(".")));
    int n = 2000;
    float[] xy = new float[2 * n];
    moons.fillBatch(xy, n, new SplittableRandom(1));
    int upper = 0;
    for (int i = 0; i < n; i++) {
      double x = xy[2 * i];
      double y = xy[2 * i + 1];
      boolean onUpper = Math.abs(Math.hypot(x, y) - 1) < 1e-5 && y >= -1e-6;
      boolean onLower = Math.abs(Math.hypot(x - 1, y - 0.5) - 1) < 1e-5 && y <= 0.5 + 1e-6;
      assertTrue(onUpper || onLower, "(" + x + ", " + y + ")");
      upper += onUpper ? 1 : 0;
    }
    // Each half circle with probability 1/2: within 4.5 standard deviations of n/2.
    assertEquals(n / 2.0, upper, 4.5 * Math.sqrt(n / 4.0));
  }
}
