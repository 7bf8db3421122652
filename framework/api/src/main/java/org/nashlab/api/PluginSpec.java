package org.nashlab.api;

import static java.util.Objects.requireNonNull;

/**
 * One registered plugin: its kind, its name, the class that implements it and where it came from.
 *
 * @param kind the plugin kind
 * @param name the name users write in YAML, kebab-case
 * @param type the implementing class
 * @param source where the registering module was loaded from (a jar or a classes folder)
 */
public record PluginSpec(PluginKind kind, String name, Class<?> type, String source) {
  public PluginSpec {
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(source, "source");
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "plugin name '" + name + "' of " + type.getName() + " must be kebab-case");
    }
    if (!kind.contract().isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          type.getName()
              + " is registered as a "
              + kind.label()
              + " but does not implement "
              + kind.contract().getName());
    }
  }
}
