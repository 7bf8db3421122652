package org.nashlab.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;
import org.nashlab.plugin.ParameterBinder;
import org.nashlab.plugin.PluginRegistry;
import org.nashlab.plugin.Suggestions;
import org.nashlab.plugin.UserText;

/**
 * A plugin section of a file read with SnakeYAML alone (a sweep's {@code executor:}, a report's
 * {@code tracking:}): the plugin it names, or its default, with its parameters bound.
 */
public final class PluginSection {
  private PluginSection() {}

  /**
   * @param key the section's key as the user wrote it, for messages
   * @param written the section as parsed, or null when absent
   * @param defaultName the plugin when the section names none
   * @param example a section as it should look, for the message when it is not a map
   * @param error where each problem goes, by key
   * @return the choice, or empty when there was a problem
   */
  public static Optional<PluginChoice> bind(
      PluginRegistry plugins,
      PluginKind kind,
      String key,
      Object written,
      String defaultName,
      String example,
      BiConsumer<String, String> error) {
    Map<String, String> values = new LinkedHashMap<>();
    if (written instanceof Map<?, ?> map) {
      map.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
    } else if (written != null) {
      error.accept(key, "must be a map such as " + example);
      return Optional.empty();
    }
    String name = values.getOrDefault("name", defaultName);
    values.remove("name");
    Optional<PluginSpec> spec = plugins.find(kind, name);
    if (spec.isEmpty()) {
      String article = "aeiou".indexOf(kind.label().charAt(0)) >= 0 ? "an " : "a ";
      error.accept(
          key + ".name",
          UserText.quoted(name)
              + " is not "
              + article
              + kind.label()
              + Suggestions.hint(name, "Known", plugins.names(kind)));
      return Optional.empty();
    }
    String section = key.substring(key.lastIndexOf('.') + 1);
    Optional<Class<? extends Record>> type = PluginRegistry.parametersOf(spec.get());
    if (type.isEmpty()) {
      return Optional.of(new PluginChoice(section, spec.get(), Optional.empty()));
    }
    ParameterBinder.Binding<? extends Record> binding = ParameterBinder.bind(type.get(), values);
    binding.problems().forEach(p -> error.accept(key + "." + p.key(), p.message()));
    return binding.value().map(p -> new PluginChoice(section, spec.get(), Optional.of(p)));
  }
}
