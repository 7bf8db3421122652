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
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
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
  private static final String SERVICES_FILE = "META-INF/services/" + PluginModule.class.getName();
  private static final String REGISTERING = "its plugin module fails to register its plugins";

  private PluginJar() {}

  /**
   * A jar that loaded: its registrations and its checksum, which every run records.
   *
   * @param sha256 the jar's SHA-256, as {@code sha256sum} prints it
   */
  record Loaded(Path jar, String sha256, Module registrations) {}

  /**
   * The jar with its plugin modules' registrations, or empty (with a warning) if it lists none.
   *
   * @throws BrokenPluginJar if the jar cannot be read, a module cannot be loaded, or a module fails
   *     while registering its plugins
   */
  static Optional<Loaded> load(Path jar, ClassLoader parent) throws BrokenPluginJar {
    String sha256 = checksum(jar);
    // One loader per jar, as Trino does: plugins do not see each other's classes, and the same
    // plugin in two jars is reported as a clash between the two, not silently merged.
    var loader = new URLClassLoader(jar.toString(), new URL[] {url(jar)}, parent);
    List<PluginModule> modules = modulesIn(jar, loader);
    if (modules.isEmpty()) {
      log.warn(
          "Plugin jar {} registers no plugin module ({}); ignored",
          jar,
          loader.findResource(SERVICES_FILE) == null
              ? "it has no " + SERVICES_FILE
              : "its " + SERVICES_FILE + " lists none that is not on Nash's classpath already");
      closeQuietly(loader);
      return Optional.empty();
    }
    Module registrations = registrationsOf(jar, modules);
    log.info(
        "Plugin jar {} ({}), sha256 {}",
        jar,
        String.join(", ", modules.stream().map(m -> m.getClass().getName()).toList()),
        sha256);
    return Optional.of(new Loaded(jar, sha256, registrations));
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

  private static List<PluginModule> modulesIn(Path jar, ClassLoader loader) throws BrokenPluginJar {
    try {
      // The jar's loader also sees the classpath's modules; those are not the jar's.
      return ServiceLoader.load(PluginModule.class, loader).stream()
          .filter(provider -> provider.type().getClassLoader() == loader)
          .map(ServiceLoader.Provider::get)
          .toList();
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new BrokenPluginJar(jar, "its plugin module cannot be loaded", e);
    }
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
          ? new BrokenPluginJar(jar, REGISTERING, message.getMessage())
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
