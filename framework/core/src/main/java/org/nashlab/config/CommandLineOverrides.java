package org.nashlab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.plugin.UserText;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code key=value} overrides of the command line as one YAML tree ({@code a.b=v} as {@code {a:
 * {b: v}}}), so that lists and maps override exactly as in a file. Two overrides may not set the
 * same setting, whether written alike ({@code loss.name} twice) or not ({@code loss.name=a} and
 * {@code loss={name: b}}, or {@code training=1} and {@code training.seed=2}): the one that silently
 * lost would be credited with a run it never shaped.
 */
final class CommandLineOverrides {
  static final String SOURCE = "command line";

  private final Map<String, Object> tree = new LinkedHashMap<>();
  private final Map<String, String> setBy = new LinkedHashMap<>();
  private final List<ConfigError> errors = new ArrayList<>();

  private CommandLineOverrides() {}

  /**
   * @throws InvalidConfigException when an override is not {@code key=value}, its value not YAML,
   *     or two overrides set the same setting
   */
  static Map<String, Object> tree(List<String> overrides) {
    CommandLineOverrides parsed = new CommandLineOverrides();
    Yaml yaml = CoreSchemaYaml.create();
    for (String override : overrides) {
      parsed.add(override, yaml);
    }
    if (!parsed.errors.isEmpty()) {
      throw new InvalidConfigException(parsed.errors);
    }
    return parsed.tree;
  }

  private void add(String override, Yaml yaml) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      error(override, "is not key=value (for example training.steps=500)");
      return;
    }
    String key = override.substring(0, eq).trim();
    String text = override.substring(eq + 1);
    if (key.equals("extends") || key.startsWith("extends.")) {
      error(key, "cannot be given on the command line: extend a base file in the experiment");
      return;
    }
    Object value;
    try {
      value = text.isEmpty() ? "" : yaml.load(text);
    } catch (RuntimeException e) {
      error(key, UserText.quoted(text) + " is not a YAML value: " + YamlProblems.describe(e));
      return;
    }
    for (String setting : settings(key, value)) {
      for (Map.Entry<String, String> earlier : setBy.entrySet()) {
        if (overlap(setting, earlier.getKey())) {
          error(
              key,
              earlier.getValue().equals(key)
                  ? "is given more than once"
                  : "sets "
                      + setting
                      + ", which the override of "
                      + earlier.getValue()
                      + " sets too");
          return;
        }
      }
    }
    settings(key, value).forEach(setting -> setBy.put(setting, key));
    put(key.split("\\."), value);
  }

  /** The dotted keys of the single values {@code value} sets at {@code key}. */
  private static List<String> settings(String key, Object value) {
    List<String> settings = new ArrayList<>();
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      map.forEach((k, v) -> settings.addAll(settings(key + "." + k, v)));
    } else {
      settings.add(key);
    }
    return settings;
  }

  /** Whether one of the dotted keys is the other or inside it. */
  private static boolean overlap(String a, String b) {
    return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
  }

  @SuppressWarnings("unchecked")
  private void put(String[] path, Object value) {
    Map<String, Object> node = tree;
    for (int i = 0; i < path.length - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
    }
    node.put(path[path.length - 1], value);
  }

  private void error(String key, String message) {
    errors.add(new ConfigError(SOURCE, key, message));
  }
}
