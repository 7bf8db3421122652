package org.nashlab.plugin;

import com.google.inject.Module;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.nashlab.api.EnvironmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugin modules on the classpath and in plugin jars. A module or jar that cannot be used is
 * left out and becomes a {@link DiscoveryProblem}; it never stops the others from loading.
 */
final class PluginLoader {
  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

  private PluginLoader() {}

  /**
   * The modules found, and what could not be used.
   *
   * @param jars the file name and SHA-256 of each plugin jar that loaded
   */
  record Found(List<Module> modules, Map<String, String> jars, List<DiscoveryProblem> problems) {}

  static Found load(ClassLoader parent, List<Path> pluginJars) {
    List<Module> modules = new ArrayList<>();
    List<DiscoveryProblem> problems = new ArrayList<>();
    classpathModules(parent, modules, problems);
    Map<String, String> jars = new LinkedHashMap<>();
    for (Path jar : pluginJars) {
      try {
        PluginJar.Loaded loaded = PluginJar.load(jar, parent);
        modules.add(loaded.registrations());
        jars.put(loaded.jar().getFileName().toString(), loaded.sha256());
      } catch (BrokenPluginJar e) {
        problems.add(e.problem());
      }
    }
    return new Found(modules, jars, problems);
  }

  /** The jars of a plugins folder, in name order; none if there is no such folder. */
  static List<Path> jarsIn(Path folder) {
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

  /** Every module the classpath's services files name, each once; those that fail are left out. */
  private static void classpathModules(
      ClassLoader loader, List<Module> modules, List<DiscoveryProblem> problems) {
    Set<String> seen = new HashSet<>();
    for (URL file : servicesFiles(loader)) {
      String where = location(file);
      try {
        for (String name : ServicesFile.classNames(file)) {
          if (seen.add(name)) {
            try {
              modules.add(ModuleClass.instantiate(ModuleClass.find(name, loader)));
              log.debug("plugin module {} ({})", name, where);
            } catch (ModuleClass.Unusable e) {
              problems.add(new DiscoveryProblem(where, e.getMessage() + "; fix it and rebuild"));
            }
          }
        }
      } catch (IOException e) {
        problems.add(
            new DiscoveryProblem(where, "its " + ServicesFile.PATH + " cannot be read: " + e));
      }
    }
  }

  private static List<URL> servicesFiles(ClassLoader loader) {
    try {
      return Collections.list(loader.getResources(ServicesFile.PATH));
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot read the classpath's " + ServicesFile.PATH + ": " + e, e);
    }
  }

  /** The jar or classes folder {@code type} was loaded from. */
  static String locationOf(Class<?> type) {
    var codeSource = type.getProtectionDomain().getCodeSource();
    if (codeSource == null) {
      return "unknown location";
    }
    try {
      return Path.of(codeSource.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      return codeSource.getLocation().toString();
    }
  }

  /** The jar or classes folder a classpath services file is in. */
  static String location(URL servicesFile) {
    String url = servicesFile.toString();
    String container =
        url.startsWith("jar:")
            ? url.substring("jar:".length(), url.indexOf("!/"))
            : url.substring(0, url.length() - ServicesFile.PATH.length());
    try {
      return Path.of(URI.create(container)).toString();
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      return container;
    }
  }
}
