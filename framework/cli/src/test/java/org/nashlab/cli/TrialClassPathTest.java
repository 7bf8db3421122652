package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials start from a copy of Nash's jars that a rebuild leaves alone, and from the other jars
 * where they are; the same build shares one copy, another build gets its own.
 */
class TrialClassPathTest {
  @TempDir Path dir;

  /** A jar holding one entry with {@code content}, and {@code classPath} in its manifest. */
  private Path jar(String name, String content, String classPath) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new ZipEntry("content.txt"));
      jar.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void nashsJarsAreCopiedOncePerBuildAndTheOthersStayWhereTheyAre() throws IOException {
    Path main =
        jar(
            "cli/nash.jar",
            "main",
            "lib/nash-core-0.2.0.jar lib/guava-31.0.1-jre.jar lib/gone.jar");
    Path core = jar("cli/lib/nash-core-0.2.0.jar", "build 1", null);
    Path guava = jar("cli/lib/guava-31.0.1-jre.jar", "guava", null);
    Path runtime = dir.resolve("home/runtime");

    List<Path> first = entries(TrialClassPath.of(main.toString(), runtime));
    assertEquals(3, first.size(), "the main jar, then its manifest's entries that exist: " + first);
    Path snapshot = first.get(0).getParent();
    assertEquals(runtime, snapshot.getParent());
    assertEquals(
        List.of(snapshot.resolve("nash.jar"), snapshot.resolve("nash-core-0.2.0.jar"), guava),
        first);
    assertArrayEquals(Files.readAllBytes(core), Files.readAllBytes(first.get(1)));
    assertEquals(
        first, entries(TrialClassPath.of(main.toString(), runtime)), "the same build, one copy");

    jar("cli/lib/nash-core-0.2.0.jar", "build 2", null); // ./nash rebuilt Nash
    List<Path> second = entries(TrialClassPath.of(main.toString(), runtime));
    assertNotEquals(snapshot, second.get(0).getParent(), "another build, another copy");
    assertNotEquals(
        Arrays.toString(Files.readAllBytes(first.get(1))),
        Arrays.toString(Files.readAllBytes(second.get(1))),
        "the first sweep's copy still holds the first build");
    try (var folders = Files.list(runtime)) {
      assertEquals(2, folders.count(), "no staging folder is left behind");
    }
  }

  @Test
  void aClassPathWithoutNashsJarsIsUsedAsItIs() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("target/classes"));
    String classPath = classes + File.pathSeparator + jar("guava.jar", "g", null);
    assertEquals(classPath, TrialClassPath.of(classPath, dir.resolve("runtime")));
  }

  private static List<Path> entries(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator)).map(Path::of).toList();
  }
}
