package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.nashlab.config.ExperimentBinder;
import org.nashlab.config.ExperimentLoader;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.FrameworkServices;
import org.nashlab.plugin.PluginRegistry;

/** What every command starts from: Nash's home and the plugins found for it. */
record Workspace(NashHome home, PluginRegistry plugins) {

  /**
   * The home and the plugins that can be used. Each jar, classpath location or plugin discovery
   * left out is one warning on {@code warnings}; only an experiment that names one of its plugins
   * fails.
   */
  static Workspace open(PrintWriter warnings) {
    return open(NashHome.fromEnvironment(), warnings);
  }

  static Workspace open(NashHome home, PrintWriter warnings) {
    Workspace workspace = discover(home);
    workspace.plugins().problems().forEach(problem -> warnings.println("warning: " + problem));
    return workspace;
  }

  /** The home and its plugins, leaving what discovery found wrong to the caller to report. */
  static Workspace discover(NashHome home) {
    return new Workspace(
        home, PluginRegistry.discover(home.plugins(), new FrameworkServices(home)));
  }

  /** The built-in plugins and those of {@code jar} alone, not the plugins folder's. */
  static Workspace withJar(NashHome home, Path jar) {
    return new Workspace(
        home, PluginRegistry.discoverJars(List.of(jar), new FrameworkServices(home)));
  }

  /** Loads and validates an experiment; throws with every problem found. */
  ExperimentSpec experiment(Path file, List<String> overrides) {
    return ExperimentBinder.bind(ExperimentLoader.load(file, overrides), plugins);
  }
}
