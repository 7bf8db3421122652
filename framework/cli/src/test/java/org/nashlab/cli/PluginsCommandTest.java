package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PluginsCommandTest {
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
  void anUnknownKindIsAUsageError() {
    CommandResult result = CommandResult.of("plugins", "--kind", "losses");
    assertEquals(2, result.exitCode());
    assertTrue(
        result.err().contains("'losses' is not a plugin kind; known: variant, loss"), result.err());
  }
}
