package org.nashlab.sweep;

import java.util.List;
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
   * A short label for a table or a tag, as it may be shown: numbers compact, plugins by name with
   * the parameters the value sets ({@code packing(degree=2)}, so that two settings of one plugin
   * never share a label and a report never pools them), lists of plugins joined by {@code +},
   * secrets masked ({@link Secrets#shown}).
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
      if (list.stream().allMatch(FactorValues::isPlugin)) {
        return String.join("+", list.stream().map(FactorValues::label).toList());
      }
    }
    if (isPlugin(value)) {
      Map<?, ?> plugin = (Map<?, ?>) value;
      List<String> settings = new java.util.ArrayList<>();
      plugin.forEach(
          (k, v) -> {
            if (!"name".equals(k)) {
              // A plugin's own secrets are masked as a factor's are.
              settings.add(k + "=" + Secrets.shown(String.valueOf(k), label(v)));
            }
          });
      String name = String.valueOf(plugin.get("name"));
      return settings.isEmpty() ? name : name + "(" + String.join(", ", settings) + ")";
    }
    return yaml(value);
  }

  private static boolean isPlugin(Object value) {
    return value instanceof Map<?, ?> m && m.containsKey("name");
  }
}
