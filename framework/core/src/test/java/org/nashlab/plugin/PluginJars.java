package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.AbstractModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.nashlab.api.PluginModule;

/**
 * Plugin jars built the way a plugin's own build makes them: classes compiled now against nash-api,
 * Guice and TensorFlow's ndarray, zipped with a services file, in a plugins folder.
 */
final class PluginJars {
  static final String SERVICES_FILE = "META-INF/services/" + PluginModule.class.getName();

  private final Path folder;
  private final Path work;

  /** Jars go to {@code folder}; sources and class files to {@code work}. */
  PluginJars(Path folder, Path work) {
    this.folder = folder;
    this.work = work;
  }

  /**
   * Compiles one source per class, keyed by fully qualified name; returns every class file made,
   * keyed by its path in a jar.
   */
  Map<String, byte[]> compile(Map<String, String> sources) {
    Path src = work.resolve("src-" + sources.hashCode());
    Path classes = work.resolve("classes-" + sources.hashCode());
    List<String> args =
        new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath(), "-Xlint:none"));
    sources.forEach((name, source) -> args.add(write(src, name, source).toString()));
    var out = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler().run(null, out, out, args.toArray(String[]::new));
    assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    return classFilesIn(classes);
  }

  /** A jar holding {@code classes} whose services file lists {@code services}, one a line. */
  Path moduleJar(String fileName, Map<String, byte[]> classes, String... services) {
    Map<String, byte[]> entries = new LinkedHashMap<>(classes);
    entries.put(SERVICES_FILE, String.join("\n", services).getBytes(StandardCharsets.UTF_8));
    return jar(fileName, entries);
  }

  /** A jar of exactly these entries, keyed by path. */
  Path jar(String fileName, Map<String, byte[]> entries) {
    Path jar = folder.resolve(fileName);
    try (OutputStream file = Files.newOutputStream(jar);
        var zip = new JarOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new JarEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /** A file named like a jar holding {@code bytes}. */
  Path file(String fileName, byte[] bytes) {
    try {
      return Files.write(folder.resolve(fileName), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classpath() {
    return String.join(
        java.io.File.pathSeparator,
        Stream.of(PluginModule.class, AbstractModule.class, org.tensorflow.ndarray.Shape.class)
            .map(PluginJars::locationOf)
            .toList());
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path src, String className, String source) {
    Path file = src.resolve(className.replace('.', '/') + ".java");
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, byte[]> classFilesIn(Path classes) {
    try (Stream<Path> files = Files.walk(classes)) {
      Map<String, byte[]> byEntry = new LinkedHashMap<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        byEntry.put(
            classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
      return byEntry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
