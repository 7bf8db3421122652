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
import org.slf4j.LoggerFactory;

/** Jars in the plugins folder: each loads with its checksum logged, or is named with its cause. */
class PluginJarTest {
  private static final Module NO_SERVICES = binder -> {};
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
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void buildJarsAndListenToTheLog() {
    jars = new PluginJars(plugins, work);
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
        "A plugin jar is broken; remove it from the plugins folder, or rebuild it and copy it in"
            + " again:\n  "
            + jar
            + ": not a readable jar file: java.util.zip.ZipException: zip END header not found",
        brokenJarsMessage());
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
    String message = brokenJarsMessage();
    assertTrue(
        message.endsWith(
            "\n  "
                + jar
                + ": its plugin module fails to register its plugins:"
                + " java.lang.IllegalStateException: no GPU here"
                + " (in throwing.ThrowingPlugins.configurePlugins, ThrowingPlugins.java:6)"),
        message);
    assertEquals(2, message.lines().count(), message);
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
    String message = brokenJarsMessage();
    assertTrue(
        message.endsWith(
            jar
                + ": its plugin module cannot be loaded: java.lang.NumberFormatException: For"
                + " input string: \"wide\" (in statics.StaticPlugins.<clinit>,"
                + " StaticPlugins.java:4)"),
        message);
  }

  @Test
  void aServicesFileNamingAMissingClassNamesTheJarAndTheClass() {
    Path jar = jars.moduleJar("missing.jar", Map.of(), "missing.NoSuchPlugins");
    String message = brokenJarsMessage();
    assertTrue(
        message.endsWith(
            jar
                + ": its plugin module cannot be loaded: java.util.ServiceConfigurationError:"
                + " org.nashlab.api.PluginModule: Provider missing.NoSuchPlugins not found"),
        message);
  }

  @Test
  void aServicesFileNamingAClassThatIsNotAPluginModuleNamesTheJarAndTheClass() {
    Path jar =
        jars.moduleJar(
            "impostor.jar",
            jars.compile(Map.of("impostor.Plugins", "package impostor; public class Plugins {}")),
            "impostor.Plugins");
    String message = brokenJarsMessage();
    assertTrue(
        message.endsWith(
            jar
                + ": its plugin module cannot be loaded: java.util.ServiceConfigurationError:"
                + " org.nashlab.api.PluginModule: impostor.Plugins not a subtype"),
        message);
  }

  @Test
  void aClassFileForANewerJavaNamesTheJarAndTheClassFileVersion() {
    Map<String, byte[]> classes = jars.compile(Map.of("good.GoodPlugins", GOOD_PLUGINS));
    byte[] module = classes.get("good/GoodPlugins.class");
    module[7] = 65; // the major version of Java 21's class files (JVMS 4.1)
    Path jar = jars.moduleJar("newer.jar", classes, "good.GoodPlugins");
    String message = brokenJarsMessage();
    assertTrue(
        message.contains(
            jar
                + ": its plugin module cannot be loaded: java.lang.UnsupportedClassVersionError:"
                + " good/GoodPlugins has been compiled by a more recent version of the Java"
                + " Runtime (class file version 65.0)"),
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
    String message = brokenJarsMessage();
    assertTrue(
        message.endsWith(
            jar
                + ": its plugin module fails to register its plugins:"
                + " java.lang.ClassNotFoundException: partial.Helper"
                + " (in partial.Plugins.configurePlugins, Plugins.java:6)"),
        message);
  }

  @Test
  void aJarWithoutAServicesFileIsIgnoredWithAWarning() {
    Path jar =
        jars.jar(
            "library.jar", Map.of("README", "just a library".getBytes(StandardCharsets.UTF_8)));
    PluginRegistry registry = PluginRegistry.discover(plugins, NO_SERVICES);
    assertEquals(List.of("mlflow"), registry.names(PluginKind.TRACKER), "the classpath's load");
    assertEquals(
        List.of(
            "WARN Plugin jar "
                + jar
                + " registers no plugin module (it has no"
                + " META-INF/services/org.nashlab.api.PluginModule); ignored"),
        logLines());
  }

  @Test
  void aJarListingOnlyModulesOnTheClasspathIsIgnoredWithAWarning() {
    Path jar = jars.moduleJar("copy.jar", Map.of(), CorePlugins.class.getName());
    PluginRegistry registry = PluginRegistry.discover(plugins, NO_SERVICES);
    assertEquals(List.of("mlflow"), registry.names(PluginKind.TRACKER), "registered once");
    assertEquals(
        List.of(
            "WARN Plugin jar "
                + jar
                + " registers no plugin module (its META-INF/services/org.nashlab.api.PluginModule"
                + " lists none that is not on Nash's classpath already); ignored"),
        logLines());
  }

  @Test
  void aJarThatLoadsIsLoggedWithItsModulesAndSha256() throws Exception {
    Path jar =
        jars.moduleJar(
            "good.jar", jars.compile(Map.of("good.GoodPlugins", GOOD_PLUGINS)), "good.GoodPlugins");
    PluginRegistry registry = PluginRegistry.discover(plugins, NO_SERVICES);
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

    PluginRegistry registry = PluginRegistry.discoverSkippingBrokenJars(plugins, NO_SERVICES);
    assertTrue(registry.names(PluginKind.LOSS).contains("good-loss"), "the good jar is listed");
    String message =
        assertThrows(BrokenPluginJarsException.class, registry::requireEveryJarLoaded).getMessage();
    List<String> lines = message.lines().toList();
    assertEquals(3, lines.size(), message);
    assertEquals(
        "2 plugin jars are broken; remove each from the plugins folder, or rebuild it and copy it"
            + " in again:",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("  " + garbage + ": not a readable jar file"), message);
    assertTrue(lines.get(2).startsWith("  " + missing + ": its plugin module cannot"), message);
  }

  private String brokenJarsMessage() {
    BrokenPluginJarsException broken =
        assertThrows(
            BrokenPluginJarsException.class, () -> PluginRegistry.discover(plugins, NO_SERVICES));
    assertEquals(3, broken.exitCode(), "an environment problem");
    return broken.getMessage();
  }

  private List<String> logLines() {
    return logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private static Logger pluginJarLog() {
    return (Logger) LoggerFactory.getLogger(PluginJar.class);
  }
}
