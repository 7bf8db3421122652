package org.nashlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.nashlab.api.ContentHash;

/**
 * The class path a sweep starts its trials with: Nash's own jars ({@code nash*.jar}) copied once
 * per build into {@code NASH_HOME/runtime/HASH/}, every other jar where it is.
 *
 * <p>{@code ./nash} rebuilds Nash's jars in place whenever the sources are newer. A sweep whose
 * trials ran from those paths lost trials to it: a trial still running failed at exit, loading a
 * class from the rewritten jar, and trials started after the rebuild ran other code under the same
 * sweep. From a copy named by its content, every trial of a sweep runs the build the sweep started
 * with. Third-party jars keep their versions in their names and are not copied (the TensorFlow
 * native jar alone is 160 MB).
 */
final class TrialClassPath {
  private static final String OWN_PREFIX = "nash";
  private static final int HASH_BYTES = 8;

  private TrialClassPath() {}

  /** This JVM's class path, Nash's jars snapshotted under {@code runtime}. */
  static String current(Path runtime) {
    return of(System.getProperty("java.class.path"), runtime);
  }

  /**
   * {@code classPath} with its jars' manifest class paths spelled out, Nash's jars replaced by
   * copies in {@code runtime/HASH/}, HASH a digest of their names and bytes.
   *
   * @throws UncheckedIOException when a jar cannot be read or the copy cannot be written
   */
  static String of(String classPath, Path runtime) {
    try {
      List<Path> entries = expanded(classPath);
      List<Path> own = entries.stream().filter(TrialClassPath::isOwn).toList();
      if (own.isEmpty()) {
        return classPath;
      }
      Path snapshot = snapshot(own, runtime);
      return entries.stream()
          .map(e -> isOwn(e) ? snapshot.resolve(e.getFileName()) : e)
          .map(Path::toString)
          .collect(Collectors.joining(java.io.File.pathSeparator));
    } catch (IOException e) {
      throw new UncheckedIOException("copying Nash's jars for the sweep's trials", e);
    }
  }

  /** Every entry of {@code classPath}, each jar followed by its manifest's Class-Path. */
  private static List<Path> expanded(String classPath) throws IOException {
    Set<Path> entries = new LinkedHashSet<>();
    for (String item : classPath.split(java.io.File.pathSeparator)) {
      if (item.isBlank()) {
        continue;
      }
      Path entry = Path.of(item).toAbsolutePath().normalize();
      entries.add(entry);
      entries.addAll(manifestClassPath(entry));
    }
    return List.copyOf(entries);
  }

  private static List<Path> manifestClassPath(Path entry) throws IOException {
    if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return List.of();
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      String listed =
          jar.getManifest() == null
              ? null
              : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      List<Path> paths = new ArrayList<>();
      if (listed != null) {
        for (String relative : listed.trim().split("\\s+")) {
          Path resolved = entry.resolveSibling(relative).normalize();
          if (Files.exists(resolved)) {
            paths.add(resolved);
          }
        }
      }
      return paths;
    }
  }

  private static boolean isOwn(Path entry) {
    String name = entry.getFileName().toString();
    return name.startsWith(OWN_PREFIX) && name.endsWith(".jar") && Files.isRegularFile(entry);
  }

  /** The folder holding copies of {@code own}, written once, whole, by whichever sweep is first. */
  private static Path snapshot(List<Path> own, Path runtime) throws IOException {
    Path folder = runtime.resolve(digest(own));
    if (Files.isDirectory(folder)) {
      return folder;
    }
    Files.createDirectories(runtime);
    Path staging = Files.createTempDirectory(runtime, ".staging-");
    for (Path jar : own) {
      Files.copy(jar, staging.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
    try {
      Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isDirectory(folder)) {
        throw e;
      }
      // Another sweep wrote the same build first; its copy is identical.
      deleteTree(staging);
    }
    return folder;
  }

  /** A short hash of the jars' names and bytes. */
  private static String digest(List<Path> jars) throws IOException {
    StringBuilder listing = new StringBuilder();
    for (Path jar : jars) {
      listing.append(jar.getFileName()).append(' ').append(ContentHash.hex(jar)).append('\n');
    }
    return ContentHash.hex(listing.toString(), HASH_BYTES);
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
  }
}
