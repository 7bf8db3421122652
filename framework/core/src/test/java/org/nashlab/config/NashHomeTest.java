package org.nashlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NashHomeTest {
  @Test
  void defaultsToDotNashInTheUsersHome() {
    NashHome home = NashHome.from(Map.of());
    assertEquals(Path.of(System.getProperty("user.home"), ".nash"), home.root());
    assertEquals(home.root().resolve("plugins"), home.plugins());
  }

  @Test
  void environmentMovesHomeAndPluginsFolder() {
    NashHome home = NashHome.from(Map.of("NASH_HOME", "/srv/nash", "NASH_PLUGINS", "/opt/plugins"));
    assertEquals(Path.of("/srv/nash/mlflow"), home.mlflow());
    assertEquals(Path.of("/opt/plugins"), home.plugins());
  }
}
