package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.PluginKind;
import org.nashlab.config.ExperimentBinder;
import org.nashlab.config.ExperimentLoader;
import org.nashlab.config.NashHome;
import org.nashlab.config.UnavailablePluginException;

/**
 * Plugin classes Nash could never build are found at discovery, left out, and reported with the
 * fix, while the jar's other plugins load.
 */
class PluginShapeTest {
  private static final String VARIANT_BODY =
      " implements org.nashlab.api.Variant {\n"
          + "  public org.nashlab.api.TrainingProgram build(org.nashlab.api.VariantContext c) {\n"
          + "    return null;\n"
          + "  }\n";
  private static final String FIX =
      "; use one public constructor whose record parameter is the plugin's parameters; any other"
          + " parameter must be a framework service (java.time.Clock, org.nashlab.config.NashHome)";

  @TempDir Path plugins;
  @TempDir Path work;
  private PluginRegistry registry;
  private Path jar;

  @BeforeEach
  void discoverAJarOfGoodAndBadPlugins() {
    PluginJars jars = new PluginJars(plugins, work);
    jar =
        jars.moduleJar(
            "shapes.jar",
            jars.compile(
                Map.of(
                    "shapes.Plugins",
                    """
                    package shapes;

                    public final class Plugins extends org.nashlab.api.PluginModule {
                      @Override
                      protected void configurePlugins() {
                        variants()
                            .add("good", Good.class)
                            .add("with-home", WithHome.class)
                            .add("bad-ctor", BadCtor.class)
                            .add("two-ctors", TwoCtors.class)
                            .add("two-records", TwoRecords.class)
                            .add("list-param", ListParam.class)
                            .add("hidden", Hidden.class)
                            .add("abstract", Abstract.class);
                      }
                    }
                    """,
                    "shapes.Good",
                    "package shapes; public final class Good"
                        + VARIANT_BODY
                        + " public record Params(int width) {}\n public Good(Params p) {}\n}",
                    "shapes.WithHome",
                    "package shapes; public final class WithHome"
                        + VARIANT_BODY
                        + " public WithHome(java.time.Clock clock) {}\n}",
                    "shapes.BadCtor",
                    "package shapes; public final class BadCtor"
                        + VARIANT_BODY
                        + " public BadCtor(double rate) {}\n}",
                    "shapes.TwoCtors",
                    "package shapes; public final class TwoCtors"
                        + VARIANT_BODY
                        + " public TwoCtors() {}\n public TwoCtors(Good.Params p) {}\n}",
                    "shapes.TwoRecords",
                    "package shapes; public final class TwoRecords"
                        + VARIANT_BODY
                        + " public record Other(int depth) {}\n"
                        + " public TwoRecords(Good.Params p, Other o) {}\n}",
                    "shapes.ListParam",
                    "package shapes; public final class ListParam"
                        + VARIANT_BODY
                        + " public record Params(java.util.List<String> names) {}\n"
                        + " public ListParam(Params p) {}\n}",
                    "shapes.Hidden",
                    "package shapes; final class Hidden" + VARIANT_BODY + " public Hidden() {}\n}",
                    "shapes.Abstract",
                    "package shapes; public abstract class Abstract"
                        + VARIANT_BODY
                        + " public Abstract() {}\n}")),
            "shapes.Plugins");
    Module services =
        Modules.combine(
            new FrameworkServices(new NashHome(work.resolve("home"), plugins)),
            binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()));
    registry = PluginRegistry.discover(plugins, services);
  }

  @Test
  void pluginsNashCanBuildAreRegistered() {
    assertTrue(registry.names(PluginKind.VARIANT).contains("good"));
    assertTrue(registry.names(PluginKind.VARIANT).contains("with-home"), "a service is injected");
  }

  @Test
  void aConstructorTakingANumberIsReportedWithTheFixAndLeftOut() {
    assertEquals(
        jar
            + ": variant 'bad-ctor' (shapes.BadCtor) cannot be built: its constructor"
            + " BadCtor(double) takes a double, which is neither a record nor a framework service"
            + FIX,
        problem("bad-ctor"));
    assertTrue(registry.find(PluginKind.VARIANT, "bad-ctor").isEmpty(), "left out");
  }

  @Test
  void twoPublicConstructorsAreReported() {
    assertTrue(problem("two-ctors").contains("cannot be built: it has 2 public constructors;"));
  }

  @Test
  void twoRecordParametersAreReported() {
    assertTrue(
        problem("two-records").contains("cannot be built: its constructor takes 2 records;"));
  }

  @Test
  void aParameterOfATypeYamlCannotSetIsReported() {
    assertTrue(
        problem("list-param")
            .contains(
                "cannot be built: parameter 'names' of Params is a java.util.List<java.lang.String>"
                    + " (a parameter is a String, double, float, int, long, boolean or an enum);"),
        problem("list-param"));
  }

  @Test
  void aClassThatIsNotPublicOrIsAbstractIsReported() {
    assertTrue(problem("hidden").contains("cannot be built: the class is not public;"));
    assertTrue(problem("abstract").contains("cannot be built: the class is abstract;"));
  }

  @Test
  void eachUnusablePluginIsOneProblemLine() {
    assertEquals(6, registry.problems().size(), registry.problems().toString());
    assertTrue(registry.unloaded().isEmpty(), "the jar itself loaded");
  }

  @Test
  void anExperimentNamingOneFailsWithItsReasonAsAnEnvironmentProblem() throws Exception {
    Path file = Files.writeString(work.resolve("uses-bad.yaml"), "variant: { name: bad-ctor }\n");
    UnavailablePluginException e =
        assertThrows(
            UnavailablePluginException.class,
            () -> ExperimentBinder.bind(ExperimentLoader.load(file, List.of()), registry));
    assertEquals(3, e.exitCode());
    List<String> lines = e.getMessage().lines().toList();
    assertEquals(
        "The experiment names a plugin Nash could not load; fix its jar (nash plugins lists each"
            + " problem):",
        lines.get(0));
    assertEquals(
        "  " + file + ": variant.name: 'bad-ctor' cannot be used: " + problem("bad-ctor"),
        lines.get(1));
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("  " + file + ": dataset.name: is required")),
        "the experiment's other problems are listed too:\n" + e.getMessage());
  }

  private String problem(String name) {
    return registry.unusable(PluginKind.VARIANT, name).orElseThrow().toString();
  }
}
