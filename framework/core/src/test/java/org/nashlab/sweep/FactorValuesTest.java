package org.nashlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactorValuesTest {
  private static Map<String, Object> plugin(String name, Object... settings) {
    Map<String, Object> plugin = new LinkedHashMap<>();
    plugin.put("name", name);
    for (int i = 0; i < settings.length; i += 2) {
      plugin.put((String) settings[i], settings[i + 1]);
    }
    return plugin;
  }

  @Test
  void twoSettingsOfOnePluginGetTwoLabelsSoThatAReportNeverPoolsThem() {
    assertEquals(
        "packing(degree=2)",
        FactorValues.label("regularizers", List.of(plugin("packing", "degree", 2))));
    assertEquals(
        "packing(degree=3)",
        FactorValues.label("regularizers", List.of(plugin("packing", "degree", 3))));
    assertEquals(
        "spectral-norm+r1(gamma=1.000)",
        FactorValues.label(
            "regularizers", List.of(plugin("spectral-norm"), plugin("r1", "gamma", 1.0))));
    assertEquals("none", FactorValues.label("regularizers", List.of()));
    String masked = FactorValues.label("dataset", plugin("hub", "token", "abc123"));
    assertTrue(masked.startsWith("hub(token=") && !masked.contains("abc123"), masked);
    assertEquals(
        "grid(modes=25, std=0.05000)",
        FactorValues.label("dataset", plugin("grid", "modes", 25, "std", 0.05)));
  }
}
