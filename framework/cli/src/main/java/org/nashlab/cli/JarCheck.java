package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.PluginKind;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.DuplicatePluginException;
import org.nashlab.plugin.PluginContractCheck;
import org.nashlab.plugin.PluginRegistry;

/**
 * {@code nash plugins --check JAR}: the plugin contract on one jar, loaded beside the built-ins
 * (not the plugins folder): each problem on one line, then a summary.
 */
final class JarCheck {
  private JarCheck() {}

  /** Exit 0 if the jar's plugins keep the contract, 2 if not. */
  static int run(Path file, PrintWriter out) {
    Path jar = file.toAbsolutePath().normalize();
    List<String> problems = new ArrayList<>();
    List<String> plugins = new ArrayList<>();
    try {
      PluginRegistry registry = Workspace.withJar(NashHome.fromEnvironment(), jar).plugins();
      problems.addAll(PluginContractCheck.problems(registry, jar.toString()::equals));
      plugins.addAll(pluginsOf(registry, jar));
    } catch (DuplicatePluginException e) {
      problems.addAll(e.clashes());
    }
    if (problems.isEmpty() && plugins.isEmpty()) {
      problems.add(jar + ": its plugin modules register no plugins");
    }
    problems.forEach(out::println);
    if (problems.isEmpty()) {
      out.println(
          jar
              + ": "
              + plugins.size()
              + (plugins.size() == 1 ? " plugin keeps" : " plugins keep")
              + " the plugin contract: "
              + String.join(", ", plugins));
      return ExitCodes.OK;
    }
    out.println(
        jar
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "; fix, rebuild the jar and check it again");
    return ExitCodes.INVALID_INPUT;
  }

  private static List<String> pluginsOf(PluginRegistry registry, Path jar) {
    List<String> own = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      registry.all(kind).stream()
          .filter(spec -> jar.toString().equals(PluginRegistry.locationOf(spec)))
          .forEach(spec -> own.add(kind.label() + " '" + spec.name() + "'"));
    }
    return own;
  }
}
