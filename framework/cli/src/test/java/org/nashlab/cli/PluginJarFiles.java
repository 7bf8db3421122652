package org.nashlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Jars of text entries: plugin jars with mistakes that need no compiled class. */
final class PluginJarFiles {
  static final String SERVICES_FILE = "META-INF/services/org.nashlab.api.PluginModule";

  private PluginJarFiles() {}

  static Path write(Path jar, Map<String, String> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        var zip = new JarOutputStream(file)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new JarEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
