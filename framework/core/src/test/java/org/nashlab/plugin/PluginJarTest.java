package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Module;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.Loss;
import org.nashlab.api.PluginKind;
import org.nashlab.config.ExperimentBinder;
import org.nashlab.config.ExperimentLoader;
import org.nashlab.config.NashHome;
import org.nashlab.config.UnavailablePluginException;
import org.slf4j.LoggerFactory;

/**
 * Jars in the plugins folder: each loads with its checksum logged, or is one problem naming it, its
 * cause and the fix, while the others load.
 */
class PluginJarTest {
  private static final String GOOD_PLUGINS =
      """
      package good;

      public final class GoodPlugins extends org.nashlab.api.PluginModule {
        public static final class GoodLoss implements org.nashlab.api.Loss {
          public org.nashlab.api.AdversarialLosses build(org.nashlab.api.LossContext context) {
            return null;
          }
        }

        @Override
        protected void configurePlugins() {
          losses().add("good-loss", GoodLoss.class);
        }
      }
      """;

  @TempDir Path plugins;
  @TempDir Path work;
  private PluginJars jars;
  private Module services;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void buildJarsAndListenToTheLog() {
    jars = new PluginJars(plugins, work);
    services = new FrameworkServices(new NashHome(work.resolve("home"), plugins));
    pluginJarLog().setLevel(Level.INFO);
    pluginJarLog().addAppender(logged);
    logged.start();
  }

  @AfterEach
  void stopListening() {
    pluginJarLog().detachAppender(logged);
  }

  @Test
  void aFileThatIsNotAZipIsBrokenAndSaysWhatToDo() {
    Path jar = jars.file("garbage.jar", "not a zip at all".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        jar
            + ": not a readable jar file: java.util.zip.ZipException: zip END header not found;"
            + " rebuild the jar and copy it in again, or remove it from the folder",
        problem());
  }

  @Test
  void aModuleThrowingInConfigurePluginsNamesTheJarTheCauseAndWhereNotGuicesErrorList() {
    Path jar =
        jars.moduleJar(
            "throwing.jar",
            jars.compile(
                Map.of(
                    "throwing.ThrowingPlugins",
                    """
                    package throwing;

                    public final class ThrowingPlugins extends org.nashlab.api.PluginModule {
                      @Override
                      protected void configurePlugins() {
                        throw new IllegalStateException("no GPU here");
                      }
                    }
                    """)),
            "throwing.ThrowingPlugins");
    assertEquals(
        jar
            + ": its plugin module fails to register its plugins:"
            + " java.lang.IllegalStateException: no GPU here"
            + " (in throwing.ThrowingPlugins.configurePlugins, ThrowingPlugins.java:6); "
            + BrokenPluginJar.FIX,
        problem());
  }

  @Test
  void aClassRegisteredAsAKindItDoesNotImplementNamesTheJarTheClassAndTheInterface() {
    Path jar =
        jars.moduleJar(
            "wrong-kind.jar",
            jars.compile(
                Map.of(
                    "wrong.Plugins",
                    """
                    package wrong;

                    public final class Plugins extends org.nashlab.api.PluginModule {
                      @Override
                      @SuppressWarnings({"unchecked", "rawtypes"})
                      protected void configurePlugins() {
                        variants().add("not-a-variant", (Class) String.class);
                      }
                    }
                    """)),
            "wrong.Plugins");
    assertTrue(
        problem()
            .startsWith(
                jar
                    + ": its plugin module fails to register its plugins:"
                    + " java.lang.IllegalArgumentException: java.lang.String is registered as a"
                    + " variant but does not implement org.nashlab.api.Variant"),
        problem());
  }

  @Test
  void aStaticInitialiserFailureNamesTheJarAndTheRootCause() {
    Path jar =
        jars.moduleJar(
            "static.jar",
            jars.compile(
                Map.of(
                    "statics.StaticPlugins",
                    """
                    package statics;

                    public final class StaticPlugins extends org.nashlab.api.PluginModule {
                      static final int WIDTH = Integer.parseInt("wide");

                      @Override
                      protected void configurePlugins() {}
                    }
                    """)),
            "statics.StaticPlugins");
    assertEquals(
        jar
            + ": its plugin module statics.StaticPlugins cannot be loaded:"
            + " java.lang.NumberFormatException: For input string: \"wide\" (in"
            + " statics.StaticPlugins.<clinit>, StaticPlugins.java:4); "
            + BrokenPluginJar.FIX,
        problem());
  }

  @Test
  void aServicesFileNamingAMissingClassNamesTheJarAndTheClass() {
    Path jar = jars.moduleJar("missing.jar", Map.of(), "missing.NoSuchPlugins");
    assertEquals(
        jar
            + ": its META-INF/services/org.nashlab.api.PluginModule names missing.NoSuchPlugins,"
            + " a class that is not there; write your PluginModule class's full name (package and"
            + " class) in it; "
            + BrokenPluginJar.FIX,
        problem());
  }

  @Test
  void aClasspathServicesFileNamingAMissingClassNamesItsLocationAndLoadsTheRest() throws Exception {
    Path classes = work.resolve("typo-classes");
    Path services = classes.resolve(PluginJars.SERVICES_FILE);
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# the researcher's module\norg.example.TypoPlugins\n");
    try (var loader =
        new java.net.URLClassLoader(
            new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      PluginLoader.Found found = PluginLoader.load(loader, List.of());
      assertEquals(
          List.of(
              classes
                  + ": its META-INF/services/org.nashlab.api.PluginModule names"
                  + " org.example.TypoPlugins, a class that is not there; write your PluginModule"
                  + " class's full name (package and class) in it; fix it and rebuild"),
          found.problems().stream().map(DiscoveryProblem::toString).toList());
      assertTrue(
          found.modules().stream().anyMatch(CorePlugins.class::isInstance),
          "the classpath's other modules still load");
    }
  }

  @Test
  void aServicesFileNamingAClassThatIsNotAPluginModuleNamesTheJarAndTheClass() {
    Path jar =
        jars.moduleJar(
            "impostor.jar",
            jars.compile(Map.of("impostor.Plugins", "package impostor; public class Plugins {}")),
            "impostor.Plugins");
    assertEquals(
        jar
            + ": its META-INF/services/org.nashlab.api.PluginModule names impostor.Plugins, which"
            + " does not extend org.nashlab.api.PluginModule; name your PluginModule class there; "
            + BrokenPluginJar.FIX,
        problem());
  }

  @Test
  void aClassFileForANewerJavaNamesTheJarAndTheClassFileVersion() {
    Map<String, byte[]> classes = jars.compile(Map.of("good.GoodPlugins", GOOD_PLUGINS));
    byte[] module = classes.get("good/GoodPlugins.class");
    module[7] = 65; // the major version of Java 21's class files (JVMS 4.1)
    Path jar = jars.moduleJar("newer.jar", classes, "good.GoodPlugins");
    String message = problem();
    assertTrue(
        message.startsWith(
            jar
                + ": its plugin module good.GoodPlugins cannot be loaded:"
                + " java.lang.UnsupportedClassVersionError: good/GoodPlugins has been compiled by a"
                + " more recent version of the Java Runtime (class file version 65.0)"),
        message);
  }

  @Test
  void aClassMissingFromTheJarNamesTheJarTheClassAndWhereItWasNeeded() {
    Map<String, byte[]> classes =
        jars.compile(
            Map.of(
                "partial.Plugins",
                """
                package partial;

                public final class Plugins extends org.nashlab.api.PluginModule {
                  @Override
                  protected void configurePlugins() {
                    new Helper().register();
                  }
                }
                """,
                "partial.Helper",
                "package partial; public class Helper { public void register() {} }"));
    classes.remove("partial/Helper.class");
    Path jar = jars.moduleJar("partial.jar", classes, "partial.Plugins");
    assertEquals(
        jar
            + ": its plugin module fails to register its plugins:"
            + " java.lang.ClassNotFoundException: partial.Helper"
            + " (in partial.Plugins.configurePlugins, Plugins.java:6); "
            + BrokenPluginJar.FIX,
        problem());
  }

  @Test
  void aJarWithoutAServicesFileIsAProblemThatSaysWhatToAdd() {
    Path jar =
        jars.jar(
            "library.jar", Map.of("README", "just a library".getBytes(StandardCharsets.UTF_8)));
    PluginRegistry registry = PluginRegistry.discover(plugins, services);
    assertEquals(List.of("mlflow"), registry.names(PluginKind.TRACKER), "the classpath's load");
    assertEquals(
        List.of(
            jar
                + ": registers no plugins: it has no"
                + " META-INF/services/org.nashlab.api.PluginModule; add"
                + " META-INF/services/org.nashlab.api.PluginModule naming your PluginModule"
                + " class"),
        problemLines(registry));
  }

  @Test
  void aJarListingOnlyModulesOnTheClasspathIsAProblemNamingThem() {
    Path jar = jars.moduleJar("copy.jar", Map.of(), CorePlugins.class.getName());
    PluginRegistry registry = PluginRegistry.discover(plugins, services);
    assertEquals(List.of("mlflow"), registry.names(PluginKind.TRACKER), "registered once");
    assertEquals(
        List.of(
            jar
                + ": registers no plugins: its META-INF/services/org.nashlab.api.PluginModule"
                + " names only modules on Nash's classpath already"
                + " (org.nashlab.plugin.CorePlugins); name your own PluginModule class in it, or"
                + " remove the jar"),
        problemLines(registry));
  }

  @Test
  void aJarThatLoadsIsLoggedWithItsModulesAndSha256() throws Exception {
    Path jar =
        jars.moduleJar(
            "good.jar", jars.compile(Map.of("good.GoodPlugins", GOOD_PLUGINS)), "good.GoodPlugins");
    PluginRegistry registry = PluginRegistry.discover(plugins, services);
    Loss loss =
        registry.create(
            registry.find(PluginKind.LOSS, "good-loss").orElseThrow(),
            Optional.empty(),
            Loss.class);
    assertEquals("good.GoodPlugins$GoodLoss", loss.getClass().getName());
    String sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    assertEquals(
        List.of("INFO Plugin jar " + jar + " (good.GoodPlugins), sha256 " + sha256), logLines());
  }

  @Test
  void aGoodJarBesideBrokenOnesIsListedAndEachBrokenOneIsNamed() {
    jars.moduleJar(
        "good.jar", jars.compile(Map.of("good.GoodPlugins", GOOD_PLUGINS)), "good.GoodPlugins");
    Path garbage = jars.file("garbage.jar", new byte[] {1, 2, 3});
    Path missing = jars.moduleJar("missing.jar", Map.of(), "missing.NoSuchPlugins");

    PluginRegistry registry = PluginRegistry.discover(plugins, services);
    assertTrue(registry.names(PluginKind.LOSS).contains("good-loss"), "the good jar is listed");
    List<String> lines = problemLines(registry);
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith(garbage + ": not a readable jar file"), lines.get(0));
    assertTrue(lines.get(1).startsWith(missing + ": its META-INF/services"), lines.get(1));
    assertEquals(lines.size(), registry.unloaded().size(), "all are jar problems");
  }

  @Test
  void anExperimentNamingAPluginNoLoadedJarHasNamesTheJarsThatDidNotLoad() throws Exception {
    Path garbage = jars.file("garbage.jar", new byte[] {1, 2, 3});
    Path file = Files.writeString(work.resolve("mine.yaml"), "variant: { name: my-gan }\n");
    PluginRegistry registry = PluginRegistry.discover(plugins, services);
    UnavailablePluginException e =
        assertThrows(
            UnavailablePluginException.class,
            () -> ExperimentBinder.bind(ExperimentLoader.load(file, List.of()), registry));
    assertEquals(3, e.exitCode());
    assertEquals(
        "  "
            + file
            + ": variant.name: 'my-gan' is not a variant of the plugins that loaded, and these did"
            + " not load: "
            + garbage
            + ". Known: (none registered)",
        e.getMessage().lines().toList().get(1));
  }

  /** The one problem discovery found; the classpath's plugins are registered regardless. */
  private String problem() {
    PluginRegistry registry = PluginRegistry.discover(plugins, services);
    assertEquals(List.of("mlflow"), registry.names(PluginKind.TRACKER), "the classpath's load");
    List<String> lines = problemLines(registry);
    assertEquals(1, lines.size(), lines.toString());
    return lines.get(0);
  }

  private static List<String> problemLines(PluginRegistry registry) {
    return registry.problems().stream().map(DiscoveryProblem::toString).toList();
  }

  private List<String> logLines() {
    return logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private static Logger pluginJarLog() {
    return (Logger) LoggerFactory.getLogger(PluginJar.class);
  }
}
