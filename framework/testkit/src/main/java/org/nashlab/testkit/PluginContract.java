package org.nashlab.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nashlab.api.Doc;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.FrameworkServices;
import org.nashlab.plugin.ParameterBinder;
import org.nashlab.plugin.ParameterSpec;
import org.nashlab.plugin.PluginRegistry;

/**
 * What every plugin owes its users: a one-line doc, a doc for every parameter, and, unless it has
 * required parameters, an instance built from its defaults alone.
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

  /** Every broken promise, one line each; empty when all plugins keep the contract. */
  public static List<String> problems(PluginRegistry plugins) {
    List<String> problems = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      for (PluginSpec spec : plugins.all(kind)) {
        String who = kind.label() + " '" + spec.name() + "' (" + spec.type().getName() + ")";
        if (spec.type().getAnnotation(Doc.class) == null) {
          problems.add(who + " has no @Doc");
        }
        for (ParameterSpec p : PluginRegistry.parameterSpecs(spec)) {
          if (p.doc().isBlank()) {
            problems.add(who + ": parameter '" + p.key() + "' has no @Doc");
          }
        }
        if (PluginRegistry.parameterSpecs(spec).stream()
            .anyMatch(p -> p.defaultValue().isEmpty())) {
          continue;
        }
        var params =
            PluginRegistry.parametersOf(spec).map(type -> ParameterBinder.bind(type, Map.of()));
        if (params.isPresent() && params.get().value().isEmpty()) {
          problems.add(who + " cannot be built from its defaults: " + params.get().problems());
          continue;
        }
        try {
          plugins.create(spec, params.flatMap(ParameterBinder.Binding::value), kind.contract());
        } catch (RuntimeException e) {
          problems.add(who + " cannot be built: " + e);
        }
      }
    }
    return problems;
  }
}
