package org.nashlab.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.nashlab.api.Doc;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;

/**
 * What every plugin owes its users: that discovery can use it (see {@link
 * PluginRegistry#problems()}), a one-line doc, a doc for every parameter, and, unless it has
 * required parameters, an instance built from its defaults alone. The testkit's {@code
 * PluginContract} and {@code nash plugins --check} run it.
 *
 * <pre>{@code
 * List<String> broken = PluginContractCheck.problems(plugins, jar.toString()::equals);
 * }</pre>
 */
public final class PluginContractCheck {
  private PluginContractCheck() {}

  /**
   * Every broken promise of the plugins from the jars and classpath locations {@code from} accepts,
   * one line each; empty when they all keep the contract.
   */
  public static List<String> problems(PluginRegistry plugins, Predicate<String> from) {
    List<String> problems = new ArrayList<>();
    plugins.problems().stream()
        .filter(p -> from.test(p.source()))
        .map(DiscoveryProblem::toString)
        .forEach(problems::add);
    for (PluginKind kind : PluginKind.values()) {
      for (PluginSpec spec : plugins.all(kind)) {
        if (from.test(PluginRegistry.locationOf(spec))) {
          problems.addAll(problems(plugins, kind, spec));
        }
      }
    }
    return problems;
  }

  private static List<String> problems(PluginRegistry plugins, PluginKind kind, PluginSpec spec) {
    List<String> problems = new ArrayList<>();
    String who = kind.label() + " '" + spec.name() + "' (" + spec.type().getName() + ")";
    if (spec.type().getAnnotation(Doc.class) == null) {
      problems.add(who + " has no @Doc");
    }
    List<ParameterSpec> parameters = PluginRegistry.parameterSpecs(spec);
    for (ParameterSpec p : parameters) {
      if (p.doc().isBlank()) {
        problems.add(who + ": parameter '" + p.key() + "' has no @Doc");
      }
    }
    if (parameters.stream().anyMatch(p -> p.defaultValue().isEmpty())) {
      return problems;
    }
    var params =
        PluginRegistry.parametersOf(spec).map(type -> ParameterBinder.bind(type, Map.of()));
    if (params.isPresent() && params.get().value().isEmpty()) {
      problems.add(who + " cannot be built from its defaults: " + params.get().problems());
      return problems;
    }
    try {
      plugins.create(spec, params.flatMap(ParameterBinder.Binding::value), kind.contract());
    } catch (RuntimeException e) {
      problems.add(who + " cannot be built: " + e);
    }
    return problems;
  }
}
