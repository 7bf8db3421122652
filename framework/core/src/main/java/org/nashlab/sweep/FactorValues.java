package org.nashlab.sweep;

import java.util.Map;
import org.nashlab.config.Secrets;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Factor values written as one-line YAML: for overrides, tags, tables and comparisons. */
final class FactorValues {
  private static final Yaml FLOW = flow();

  private FactorValues() {}

  private static Yaml flow() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
    options.setWidth(Integer.MAX_VALUE);
    return new Yaml(options);
  }

  /** {@code value} as one line of YAML, such as {@code minimax} or {@code [{name: r1}]}. */
  static String yaml(Object value) {
    return FLOW.dump(value).strip();
  }

  /**
   * A short label for a table or a tag, as it may be shown: numbers compact, lists of plugins by
   * name, secrets masked ({@link Secrets#shown}).
   */
  static String label(String key, Object value) {
    return Secrets.shown(key, label(value));
  }

  private static String label(Object value) {
    if (value instanceof Double d) {
      return String.format("%.4g", d);
    }
    if (value instanceof java.util.List<?> list) {
      if (list.isEmpty()) {
        return "none";
      }
      if (list.stream().allMatch(v -> v instanceof Map<?, ?> m && m.containsKey("name"))) {
        return String.join(
            "+", list.stream().map(v -> String.valueOf(((Map<?, ?>) v).get("name"))).toList());
      }
    }
    return yaml(value);
  }
}
