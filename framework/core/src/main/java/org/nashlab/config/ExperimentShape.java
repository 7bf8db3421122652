package org.nashlab.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashlab.plugin.UserText;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Checks one layer of an experiment, as YAML parsed it, against the experiment's structure before
 * the layers are merged: every parameter is one value, every section a map, every list of
 * techniques a list of maps. Merging flattens what it is given (a list where one value belongs
 * reads as its first element, a list where a map belongs cannot be read at all), so shape is
 * checked here, where a list is still a list.
 */
final class ExperimentShape {
  /** Sections that are one map of parameters: a plugin's, or the training loop's. */
  private static final Set<String> PLUGIN_SECTIONS =
      Set.of("dataset", "variant", "loss", "features", "tracking", "training");

  /** Sections that are a map of named plugin sections. */
  private static final Set<String> NAMED_SECTIONS = Set.of("datasets", "optimizers");

  /** Sections that are a list of plugin sections. */
  private static final Set<String> LISTED_SECTIONS = Set.of("regularizers", "metrics");

  /** Keys that hold one value. */
  private static final Set<String> SCALARS = Set.of("name", "extends");

  private final String source;
  private final List<ConfigError> errors = new ArrayList<>();

  private ExperimentShape(String source) {
    this.source = source;
  }

  /** The shape problems of the layer {@code tree} read from {@code source}. */
  static List<ConfigError> check(String source, Object tree) {
    ExperimentShape shape = new ExperimentShape(source);
    shape.top(tree);
    return shape.errors;
  }

  private void top(Object tree) {
    if (tree == null) {
      return;
    }
    if (!(tree instanceof Map<?, ?> sections)) {
      error(
          "", "must be a YAML map of sections (name:, dataset:, variant:, ...), got " + kind(tree));
      return;
    }
    for (Map.Entry<?, ?> entry : sections.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      if (value == null) {
        error(key, "has no value; give one or remove the key");
      } else if (SCALARS.contains(key)) {
        value(key, value);
      } else if (PLUGIN_SECTIONS.contains(key)) {
        section(key, value);
      } else if (NAMED_SECTIONS.contains(key)) {
        named(key, value);
      } else if (LISTED_SECTIONS.contains(key)) {
        listed(key, value);
      }
    }
  }

  private void named(String key, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      error(key, "must be a map of named sections, got " + kind(value));
      return;
    }
    map.forEach((name, section) -> section(key + "." + name, section));
  }

  private void listed(String key, Object value) {
    if (!(value instanceof List<?> list)) {
      error(key, "must be a list of sections (- { name: ... }), got " + kind(value));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      section(key + "[" + i + "]", list.get(i));
    }
  }

  private void section(String key, Object value) {
    if (!(value instanceof Map<?, ?> params)) {
      error(key, "must be a section (a map such as { name: ... }), got " + kind(value));
      return;
    }
    params.forEach((param, v) -> value(key + "." + param, v));
  }

  private void value(String key, Object value) {
    if (value == null) {
      error(key, "has no value; give one or remove the key");
    } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
      error(key, "takes one value, got " + kind(value));
    } else if (value instanceof String text && !printable(text)) {
      error(key, "holds a control or unprintable character; write plain text");
    } else if (value instanceof byte[]) {
      error(key, "is binary data; write plain text");
    }
  }

  /**
   * Whether {@code text} survives merging as text: SnakeYAML writes anything else as binary, which
   * would read back as bytes.
   */
  private static boolean printable(String text) {
    return StreamReader.isPrintable(text) && text.chars().noneMatch(Character::isISOControl);
  }

  private static String kind(Object value) {
    if (value instanceof List<?> list) {
      return "a list of " + list.size() + " " + (list.size() == 1 ? "element" : "elements");
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    return UserText.quoted(String.valueOf(value));
  }

  private void error(String key, String message) {
    errors.add(new ConfigError(source, key, message));
  }
}
