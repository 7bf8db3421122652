package org.nashlab.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A plugin project outside Nash's source tree, as {@code nash plugins new KIND NAME} writes it: a
 * Maven project on {@code nash-plugin-parent} with a working plugin of the kind, its module and
 * services file, a test (a known answer and the plugin contract), an experiment using it and a
 * README. It builds, tests and loads as written, against the installed SDK alone.
 *
 * <pre>{@code
 * new StarterProject(StarterKind.REGULARIZER, "gp0", "org.example.gp0", "org.example")
 *     .writeTo(Path.of("gp0"));
 * }</pre>
 *
 * @param name the plugin's name in experiments, kebab-case; also the project's artifact id
 * @param javaPackage the package of the project's classes
 * @param groupId the project's Maven group
 */
public record StarterProject(StarterKind kind, String name, String javaPackage, String groupId) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern JAVA_NAME =
      Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[a-z-]+}}");
  private static final String TEMPLATES = "starter/";

  public StarterProject {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "NAME: '"
              + name
              + "' is not a plugin name: lower-case words of letters and digits joined by '-',"
              + " starting with a letter, such as gp0 or my-penalty");
    }
    if (!JAVA_NAME.matcher(javaPackage).matches()) {
      throw new IllegalArgumentException(
          "--package: '" + javaPackage + "' is not a lower-case Java package name");
    }
    if (!JAVA_NAME.matcher(groupId).matches()) {
      throw new IllegalArgumentException(
          "--group-id: '" + groupId + "' is not a Maven group id such as org.example");
    }
  }

  /** A project of {@code kind} named {@code name}, in package {@link #defaultPackage}. */
  public static StarterProject named(StarterKind kind, String name) {
    return new StarterProject(kind, name, defaultPackage(name), "org.example");
  }

  /** {@code org.example.NAME} without the dashes. */
  public static String defaultPackage(String name) {
    return "org.example." + name.replace("-", "");
  }

  /** The plugin's class name, {@code MyPenalty} for {@code my-penalty}. */
  public String className() {
    return Arrays.stream(name.split("-"))
        .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
        .collect(Collectors.joining());
  }

  /** The jar {@code mvn package} builds, relative to the project. */
  public Path jar() {
    return Path.of("target", name + "-0.1.0.jar");
  }

  /**
   * Writes the project into {@code directory}, which must not exist or be empty.
   *
   * @return the files written, relative to {@code directory}
   * @throws IllegalArgumentException if {@code directory} holds files already
   * @throws UncheckedIOException if a file cannot be written
   */
  public List<Path> writeTo(Path directory) {
    if (!isEmptyOrMissing(directory)) {
      throw new IllegalArgumentException(
          "--dir: "
              + directory
              + " holds files already; name an empty or new folder for the plugin project");
    }
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<String, Path> file : files().entrySet()) {
        Path target = directory.resolve(file.getValue());
        Files.createDirectories(target.getParent());
        Files.writeString(target, filled(template(file.getKey())));
        written.add(file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plugin project in " + directory, e);
    }
    return written;
  }

  /** Template resource (under {@value #TEMPLATES}) to the file it becomes. */
  private Map<String, Path> files() {
    Path sources = Path.of("src/main/java", javaPackage.split("\\."));
    Path tests = Path.of("src/test/java", javaPackage.split("\\."));
    String kindFolder = kind.label() + "/";
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("common/pom.xml", Path.of("pom.xml"));
    files.put("common/README.md", Path.of("README.md"));
    files.put("common/gitignore", Path.of(".gitignore"));
    files.put("common/Plugins.java", sources.resolve(className() + "Plugins.java"));
    files.put(
        "common/services",
        Path.of("src/main/resources/META-INF/services/org.nashlab.api.PluginModule"));
    files.put(kindFolder + "Plugin.java", sources.resolve(className() + ".java"));
    files.put(kindFolder + "PluginTest.java", tests.resolve(className() + "Test.java"));
    files.put(kindFolder + "experiment.yaml", Path.of("experiments", name + ".yaml"));
    return files;
  }

  /** The template's text with every placeholder replaced; a leftover one is a template bug. */
  String filled(String template) {
    Map<String, String> values =
        Map.of(
            "{{name}}", name,
            "{{class}}", className(),
            "{{package}}", javaPackage,
            "{{group}}", groupId,
            "{{nash-version}}", NashVersion.current(),
            "{{registrar}}", kind.registrar(),
            "{{kind}}", kind.label(),
            "{{jar}}", jar().toString());
    String text = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace(value.getKey(), value.getValue());
    }
    var leftover = PLACEHOLDER.matcher(text);
    if (leftover.find()) {
      throw new IllegalStateException(
          "starter template has an unknown placeholder " + leftover.group());
    }
    return text;
  }

  private static String template(String resource) throws IOException {
    try (InputStream in = StarterProject.class.getResourceAsStream(TEMPLATES + resource)) {
      if (in == null) {
        throw new IllegalStateException("starter template " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean isEmptyOrMissing(Path directory) {
    if (!Files.exists(directory)) {
      return true;
    }
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
