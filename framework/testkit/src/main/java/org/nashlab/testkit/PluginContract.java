package org.nashlab.testkit;

import java.nio.file.Path;
import java.util.List;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.FrameworkServices;
import org.nashlab.plugin.PluginContractCheck;
import org.nashlab.plugin.PluginRegistry;

/**
 * What every plugin owes its users: that Nash can build it (one public constructor whose record is
 * its parameters), a one-line doc, a doc for every parameter, and, unless it has required
 * parameters, an instance built from its defaults alone. {@code nash plugins --check JAR} runs the
 * same check ({@link PluginContractCheck}) on a built jar.
 *
 * <pre>{@code
 * @Test
 * void myPluginsKeepTheContract() {
 *   assertEquals(List.of(), PluginContract.problems(PluginContract.classpathPlugins()));
 * }
 * }</pre>
 */
public final class PluginContract {
  private PluginContract() {}

  /** The plugins on the test's classpath. */
  public static PluginRegistry classpathPlugins() {
    NashHome home = new NashHome(Path.of("target/nash-home"), Path.of("target/no-plugins-folder"));
    return PluginRegistry.discover(home.plugins(), new FrameworkServices(home));
  }

  /**
   * Every broken promise, one line each, including what discovery left out; empty when all plugins
   * keep the contract.
   */
  public static List<String> problems(PluginRegistry plugins) {
    return PluginContractCheck.problems(plugins, source -> true);
  }
}
