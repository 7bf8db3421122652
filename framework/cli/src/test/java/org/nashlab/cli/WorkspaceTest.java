package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.PluginKind;
import org.nashlab.config.NashHome;

class WorkspaceTest {
  @TempDir Path home;
  @TempDir Path plugins;

  @Test
  void aJarWithoutAServicesFileIsOneWarningAndTheBuiltInsStillLoad() throws IOException {
    Path jar = PluginJarFiles.write(plugins.resolve("library.jar"), Map.of("README", "a library"));
    StringWriter warnings = new StringWriter();
    Workspace workspace =
        Workspace.open(new NashHome(home, plugins), new PrintWriter(warnings, true));
    assertEquals(
        "warning: "
            + jar
            + ": registers no plugins: it has no META-INF/services/org.nashlab.api.PluginModule;"
            + " add META-INF/services/org.nashlab.api.PluginModule naming your PluginModule"
            + " class\n",
        warnings.toString());
    assertTrue(workspace.plugins().names(PluginKind.VARIANT).contains("vanilla"));
  }

  @Test
  void aTypoInAJarsServicesFileIsOneWarningNamingTheJarAndTheClass() throws IOException {
    Path jar =
        PluginJarFiles.write(
            plugins.resolve("typo.jar"),
            Map.of(PluginJarFiles.SERVICES_FILE, "org.example.MyPlugns\n"));
    StringWriter warnings = new StringWriter();
    Workspace.open(new NashHome(home, plugins), new PrintWriter(warnings, true));
    assertEquals(
        "warning: "
            + jar
            + ": its META-INF/services/org.nashlab.api.PluginModule names org.example.MyPlugns, a"
            + " class that is not there; write your PluginModule class's full name (package and"
            + " class) in it; rebuild the jar and copy it in again, or remove it from the folder\n",
        warnings.toString());
    assertTrue(Files.exists(jar));
  }
}
