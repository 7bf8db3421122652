package org.nashlab.plugin;

import com.google.inject.Module;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import org.nashlab.api.ContentHash;
import org.nashlab.api.PluginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one jar of the plugins folder in a class loader of its own, and runs its plugin modules'
 * registrations once, here, so that a failure names the jar instead of surfacing later in the
 * injector of all plugins.
 */
final class PluginJar {
  private static final Logger log = LoggerFactory.getLogger(PluginJar.class);
  private static final String REGISTERING = "its plugin module fails to register its plugins";

  private PluginJar() {}

  /**
   * A jar that loaded: its registrations and its checksum, which every run records.
   *
   * @param sha256 the jar's SHA-256, as {@code sha256sum} prints it
   */
  record Loaded(Path jar, String sha256, Module registrations) {}

  /**
   * The jar with its plugin modules' registrations.
   *
   * @throws BrokenPluginJar if the jar cannot be read, lists no module of its own, a module cannot
   *     be loaded, or a module fails while registering its plugins
   */
  static Loaded load(Path jar, ClassLoader parent) throws BrokenPluginJar {
    String sha256 = checksum(jar);
    // One loader per jar, as Trino does: plugins do not see each other's classes, and the same
    // plugin in two jars is reported as a clash between the two, not silently merged.
    var loader = new URLClassLoader(jar.toString(), new URL[] {url(jar)}, parent);
    List<PluginModule> modules;
    Module registrations;
    try {
      modules = modulesIn(jar, loader);
      registrations = registrationsOf(jar, modules);
    } catch (BrokenPluginJar e) {
      closeQuietly(loader);
      throw e;
    }
    log.info(
        "Plugin jar {} ({}), sha256 {}",
        jar,
        String.join(", ", modules.stream().map(m -> m.getClass().getName()).toList()),
        sha256);
    return new Loaded(jar, sha256, registrations);
  }

  /** A loader of a jar that is not used: its open file is released; failing to is harmless. */
  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      log.debug("could not close {}", loader.getName(), e);
    }
  }

  private static String checksum(Path jar) throws BrokenPluginJar {
    try {
      // Opening reads the zip's central directory, so a file that is not a jar fails here.
      new JarFile(jar.toFile()).close();
      return ContentHash.hex(jar);
    } catch (IOException e) {
      throw new BrokenPluginJar(jar, "not a readable jar file", e);
    }
  }

  /** The jar's own modules; a name it lists that the classpath holds already is not its own. */
  private static List<PluginModule> modulesIn(Path jar, URLClassLoader loader)
      throws BrokenPluginJar {
    URL services = loader.findResource(ServicesFile.PATH);
    if (services == null) {
      throw new BrokenPluginJar(
          jar,
          "registers no plugins: it has no "
              + ServicesFile.PATH
              + "; add "
              + ServicesFile.PATH
              + " naming your PluginModule class");
    }
    List<PluginModule> modules = new ArrayList<>();
    List<String> onClasspath = new ArrayList<>();
    try {
      for (String name : ServicesFile.classNames(services)) {
        Class<? extends PluginModule> type = ModuleClass.find(name, loader);
        if (type.getClassLoader() == loader) {
          modules.add(ModuleClass.instantiate(type));
        } else {
          onClasspath.add(name);
        }
      }
    } catch (IOException e) {
      throw new BrokenPluginJar(jar, "its " + ServicesFile.PATH + " cannot be read", e);
    } catch (ModuleClass.Unusable e) {
      throw new BrokenPluginJar(jar, e.getMessage() + "; " + BrokenPluginJar.FIX);
    }
    if (modules.isEmpty()) {
      throw new BrokenPluginJar(
          jar,
          "registers no plugins: its "
              + ServicesFile.PATH
              + (onClasspath.isEmpty()
                  ? " is empty"
                  : " names only modules on Nash's classpath already ("
                      + String.join(", ", onClasspath)
                      + ")")
              + "; name your own PluginModule class in it, or remove the jar");
    }
    return modules;
  }

  private static Module registrationsOf(Path jar, List<PluginModule> modules)
      throws BrokenPluginJar {
    List<Element> elements;
    try {
      elements = Elements.getElements(modules);
    } catch (LinkageError e) {
      throw new BrokenPluginJar(jar, REGISTERING, e);
    }
    // Guice records an exception thrown while configuring as an error message, not a throw.
    Optional<Message> error =
        elements.stream().filter(Message.class::isInstance).map(Message.class::cast).findFirst();
    if (error.isPresent()) {
      Message message = error.get();
      throw message.getCause() == null
          ? new BrokenPluginJar(
              jar, REGISTERING + ": " + message.getMessage() + "; " + BrokenPluginJar.FIX)
          : new BrokenPluginJar(jar, REGISTERING, message.getCause());
    }
    return Elements.getModule(elements);
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
