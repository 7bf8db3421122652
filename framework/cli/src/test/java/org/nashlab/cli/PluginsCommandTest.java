package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {
  @TempDir Path dir;

  @Test
  void listsEveryBuiltInByKindWithParametersDefaultsAndDocs() {
    CommandResult result = CommandResult.of("plugins");
    assertEquals(0, result.exitCode(), result.err());
    String out = result.out();
    for (String name :
        new String[] {
          "vanilla", "minimax", "non-saturating", "adam", "rmsprop", "sgd", "ring", "grid", "mlflow"
        }) {
      assertTrue(out.contains("\n  " + name + "  -  "), name + " missing from\n" + out);
    }
    assertTrue(
        out.matches(
            "(?s).*latent-dim\\s+integer\\s+64\\s+dimension of the Gaussian latent vector.*"),
        out);
    assertTrue(out.contains("\n  gradient-penalty  -  "), out);
    for (String name : new String[] {"fid", "kid", "mode-coverage", "trained-classifier"}) {
      assertTrue(out.contains("\n  " + name + "  -  "), name + " missing from\n" + out);
    }
  }

  @Test
  void checkingAJarWithATypoInItsServicesFilePrintsTheProblemAndASummaryAndExits2()
      throws IOException {
    Path jar =
        PluginJarFiles.write(
            dir.resolve("typo.jar"), Map.of(PluginJarFiles.SERVICES_FILE, "org.example.MyPlugns"));
    CommandResult result = CommandResult.of("plugins", "--check", jar.toString());
    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertEquals(
        jar
            + ": its META-INF/services/org.nashlab.api.PluginModule names org.example.MyPlugns, a"
            + " class that is not there; write your PluginModule class's full name (package and"
            + " class) in it; rebuild the jar and copy it in again, or remove it from the folder\n"
            + jar
            + ": 1 problem; fix, rebuild the jar and check it again\n",
        result.out());
  }

  @Test
  void checkingAJarWithoutAServicesFileSaysWhatToAdd() throws IOException {
    Path jar = PluginJarFiles.write(dir.resolve("library.jar"), Map.of("README", "a library"));
    CommandResult result = CommandResult.of("plugins", "--check", jar.toString());
    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertTrue(
        result
            .out()
            .startsWith(
                jar
                    + ": registers no plugins: it has no"
                    + " META-INF/services/org.nashlab.api.PluginModule; add"
                    + " META-INF/services/org.nashlab.api.PluginModule naming your PluginModule"
                    + " class\n"),
        result.out());
  }

  @Test
  void anUnknownKindIsAUsageError() {
    CommandResult result = CommandResult.of("plugins", "--kind", "losses");
    assertEquals(2, result.exitCode());
    assertTrue(
        result.err().contains("'losses' is not a plugin kind; known: variant, loss"), result.err());
  }
}
