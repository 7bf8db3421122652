package org.nashlab.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Nash's folders on this machine: {@code NASH_HOME} (default {@code ~/.nash}) holds the plugins
 * folder ({@code NASH_PLUGINS} overrides it), the data folder, the local MLflow installation and
 * server, and the spool of metrics waiting for an unreachable server.
 *
 * <p>A class, not a record: plugins inject it, and a record in a plugin's constructor is its
 * parameters.
 */
public final class NashHome {
  private final Path root;
  private final Path plugins;

  public NashHome(Path root, Path plugins) {
    this.root = root.toAbsolutePath();
    this.plugins = plugins.toAbsolutePath();
  }

  /** The home the environment asks for. */
  public static NashHome fromEnvironment() {
    return from(System.getenv());
  }

  static NashHome from(Map<String, String> env) {
    Path root =
        env.containsKey("NASH_HOME")
            ? Path.of(env.get("NASH_HOME"))
            : Path.of(System.getProperty("user.home"), ".nash");
    Path plugins =
        env.containsKey("NASH_PLUGINS")
            ? Path.of(env.get("NASH_PLUGINS"))
            : root.resolve("plugins");
    return new NashHome(root, plugins);
  }

  /** The Nash home folder. */
  public Path root() {
    return root;
  }

  /** Where outside plugin jars are loaded from. */
  public Path plugins() {
    return plugins;
  }

  public Path data() {
    return root.resolve("data");
  }

  public Path mlflow() {
    return root.resolve("mlflow");
  }

  /** Feature networks Nash trained and real-data features, kept across runs. */
  public Path features() {
    return root.resolve("features");
  }

  public Path spool() {
    return root.resolve("spool");
  }
}
