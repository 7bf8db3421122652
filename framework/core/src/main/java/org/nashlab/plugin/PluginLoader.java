package org.nashlab.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.PluginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds plugin modules on the classpath and in the jars of a plugins folder. */
final class PluginLoader {
  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

  private PluginLoader() {}

  static List<PluginModule> load(ClassLoader parent, Path pluginsFolder) {
    List<PluginModule> modules = new ArrayList<>();
    ServiceLoader.load(PluginModule.class, parent).forEach(modules::add);
    for (URL jar : jarsIn(pluginsFolder)) {
      // One loader per jar, as Trino does: plugins do not see each other's classes, and the same
      // plugin in two jars is reported as a clash between the two, not silently merged.
      var jarLoader = new URLClassLoader(new URL[] {jar}, parent);
      for (PluginModule module : ServiceLoader.load(PluginModule.class, jarLoader)) {
        if (module.getClass().getClassLoader() == jarLoader) {
          modules.add(module);
        }
      }
    }
    modules.forEach(m -> log.debug("plugin module {}", m.source()));
    return modules;
  }

  private static List<URL> jarsIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.toString().endsWith(".jar"))
          .sorted()
          .map(PluginLoader::url)
          .toList();
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot list the plugins folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
