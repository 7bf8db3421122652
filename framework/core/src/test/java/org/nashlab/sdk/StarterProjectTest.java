package org.nashlab.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterProjectTest {
  @TempDir Path dir;

  @Test
  void everyKindWritesAProjectWithEveryPlaceholderFilled() throws IOException {
    for (StarterKind kind : StarterKind.values()) {
      Path project = dir.resolve(kind.label());
      List<Path> written = StarterProject.named(kind, "my-plugin").writeTo(project);
      assertEquals(
          List.of(
              Path.of("pom.xml"),
              Path.of("README.md"),
              Path.of(".gitignore"),
              Path.of("src/main/java/org/example/myplugin/MyPluginPlugins.java"),
              Path.of("src/main/resources/META-INF/services/org.nashlab.api.PluginModule"),
              Path.of("src/main/java/org/example/myplugin/MyPlugin.java"),
              Path.of("src/test/java/org/example/myplugin/MyPluginTest.java"),
              Path.of("experiments/my-plugin.yaml")),
          written);
      for (Path file : written) {
        String text = Files.readString(project.resolve(file));
        assertFalse(text.contains("{{"), kind + " " + file + ":\n" + text);
      }
      assertEquals(
          "org.example.myplugin.MyPluginPlugins\n",
          Files.readString(
              project.resolve(
                  "src/main/resources/META-INF/services/org.nashlab.api.PluginModule")));
      String pom = Files.readString(project.resolve("pom.xml"));
      assertTrue(pom.contains("<version>" + NashVersion.current() + "</version>"), pom);
      assertTrue(pom.contains("<artifactId>my-plugin</artifactId>"), pom);
      assertTrue(
          Files.readString(project.resolve("experiments/my-plugin.yaml"))
              .contains("name: my-plugin"));
    }
  }

  @Test
  void theModuleRegistersThePluginUnderItsNameWithTheKindsRegistrar() throws IOException {
    StarterProject.named(StarterKind.REGULARIZER, "gp0").writeTo(dir);
    String module = Files.readString(dir.resolve("src/main/java/org/example/gp0/Gp0Plugins.java"));
    assertTrue(module.contains("regularizers().add(\"gp0\", Gp0.class);"), module);
  }

  @Test
  void aNameThatIsNotKebabCaseIsRefusedWithAnExample() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StarterProject.named(StarterKind.VARIANT, "ResGan"));
    assertEquals(
        "NAME: 'ResGan' is not a plugin name: lower-case words of letters and digits joined by"
            + " '-', starting with a letter, such as gp0 or my-penalty",
        e.getMessage());
  }

  @Test
  void aPackageThatIsNotAJavaPackageIsRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StarterProject(StarterKind.VARIANT, "res", "org.example.3d", "org.example"));
    assertEquals(
        "--package: 'org.example.3d' is not a lower-case Java package name", e.getMessage());
  }

  @Test
  void aFolderWithFilesIsNotOverwritten() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StarterProject.named(StarterKind.REGULARIZER, "gp0").writeTo(dir));
    assertEquals(
        "--dir: "
            + dir
            + " holds files already; name an empty or new folder for the plugin project",
        e.getMessage());
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void theVersionIsTheBuildsOwn() {
    assertTrue(
        NashVersion.current().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), NashVersion.current());
  }
}
