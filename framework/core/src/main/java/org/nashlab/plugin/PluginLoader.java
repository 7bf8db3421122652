package org.nashlab.plugin;

import com.google.inject.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The modules found, and the jars of the plugins folder that could not be loaded.
   *
   * @param jars the file name and SHA-256 of each jar of the plugins folder that loaded
   */
  record Found(List<Module> modules, Map<String, String> jars, List<BrokenPluginJar> brokenJars) {}

  static Found load(ClassLoader parent, Path pluginsFolder) {
    List<Module> modules = new ArrayList<>();
    for (PluginModule module : ServiceLoader.load(PluginModule.class, parent)) {
      log.debug("plugin module {}", module.source());
      modules.add(module);
    }
    List<BrokenPluginJar> broken = new ArrayList<>();
    Map<String, String> jars = new LinkedHashMap<>();
    for (Path jar : jarsIn(pluginsFolder)) {
      try {
        PluginJar.load(jar, parent)
            .ifPresent(
                loaded -> {
                  modules.add(loaded.registrations());
                  jars.put(loaded.jar().getFileName().toString(), loaded.sha256());
                });
      } catch (BrokenPluginJar e) {
        broken.add(e);
      }
    }
    return new Found(modules, jars, broken);
  }

  private static List<Path> jarsIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot list the plugins folder " + folder + ": " + e.getMessage(), e);
    }
  }
}
