package org.nashlab.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nashlab.api.PluginModule;

/**
 * A {@code META-INF/services/org.nashlab.api.PluginModule} file: the class names it lists, read as
 * {@link java.util.ServiceLoader} reads them (one a line, {@code #} starts a comment). Nash reads
 * it itself so that a name that is wrong is reported with the file's jar, not as a {@link
 * java.util.ServiceConfigurationError} that stops every command.
 */
final class ServicesFile {
  static final String PATH = "META-INF/services/" + PluginModule.class.getName();

  private ServicesFile() {}

  static List<String> classNames(URL file) throws IOException {
    try (var reader =
        new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(line -> line.replaceFirst("#.*", "").strip())
          .filter(line -> !line.isEmpty())
          .distinct()
          .toList();
    }
  }
}
