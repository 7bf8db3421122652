package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.testkit.PluginContract;

class BuiltInPluginsTest {
  @Test
  void everyBuiltInPluginIsDocumentedAndBuildsFromItsDefaults() {
    assertEquals(List.of(), PluginContract.problems(PluginContract.classpathPlugins()));
  }
}
