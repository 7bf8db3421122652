package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.config.NashHome;

/** The plugin contract, on the plugins of one jar only. */
class PluginContractCheckTest {
  @TempDir Path plugins;
  @TempDir Path work;

  @Test
  void aJarsUndocumentedPluginAndOneThatFailsFromDefaultsAreItsProblemsAndNoBuiltInIs() {
    PluginJars jars = new PluginJars(plugins, work);
    Path jar =
        jars.moduleJar(
            "contract.jar",
            jars.compile(
                Map.of(
                    "contract.Plugins",
                    """
                    package contract;

                    import org.nashlab.api.Default;
                    import org.nashlab.api.Doc;

                    public final class Plugins extends org.nashlab.api.PluginModule {
                      @Doc("a loss that keeps the contract")
                      public static final class Kept implements org.nashlab.api.Loss {
                        public record Params(@Doc("the margin") @Default("1") double margin) {}

                        public Kept(Params params) {}

                        public org.nashlab.api.AdversarialLosses build(
                            org.nashlab.api.LossContext context) {
                          return null;
                        }
                      }

                      public static final class Undocumented implements org.nashlab.api.Loss {
                        public record Params(@Default("fast") double rate) {}

                        public Undocumented(Params params) {}

                        public org.nashlab.api.AdversarialLosses build(
                            org.nashlab.api.LossContext context) {
                          return null;
                        }
                      }

                      @Override
                      protected void configurePlugins() {
                        losses().add("kept", Kept.class).add("undocumented", Undocumented.class);
                      }
                    }
                    """)),
            "contract.Plugins");
    PluginRegistry registry =
        PluginRegistry.discover(plugins, new FrameworkServices(new NashHome(work, plugins)));
    String who = "loss 'undocumented' (contract.Plugins$Undocumented)";
    assertEquals(
        List.of(
            who + " has no @Doc",
            who + ": parameter 'rate' has no @Doc",
            who
                + " cannot be built from its defaults: [Problem[key=rate, message='fast' is not a"
                + " finite number]]"),
        PluginContractCheck.problems(registry, jar.toString()::equals));
  }
}
