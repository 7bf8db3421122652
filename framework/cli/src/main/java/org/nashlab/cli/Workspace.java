package org.nashlab.cli;

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

  /** The home and its plugins; fails, naming each, if a jar of the plugins folder is broken. */
  static Workspace open() {
    Workspace workspace = openSkippingBrokenJars();
    workspace.plugins().requireEveryJarLoaded();
    return workspace;
  }

  /** With the plugins that load, leaving out broken jars, for listing what works. */
  static Workspace openSkippingBrokenJars() {
    NashHome home = NashHome.fromEnvironment();
    return new Workspace(
        home,
        PluginRegistry.discoverSkippingBrokenJars(home.plugins(), new FrameworkServices(home)));
  }

  /** Loads and validates an experiment; throws with every problem found. */
  ExperimentSpec experiment(Path file, List<String> overrides) {
    return ExperimentBinder.bind(ExperimentLoader.load(file, overrides), plugins);
  }
}
