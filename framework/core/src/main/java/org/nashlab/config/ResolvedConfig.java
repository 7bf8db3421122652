package org.nashlab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.ContentHash;
import org.nashlab.plugin.ParameterBinder;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * An experiment with every default filled in: what the run logs as {@code config.yaml}, its
 * flattened params, and the trial key that identifies it.
 */
public final class ResolvedConfig {
  private final Map<String, Object> tree;

  private ResolvedConfig(Map<String, Object> tree) {
    this.tree = tree;
  }

  public static ResolvedConfig of(ExperimentSpec spec) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", spec.name());
    if (spec.singleDataset()) {
      tree.put("dataset", choice(spec.dataset()));
    } else {
      Map<String, Object> streams = new LinkedHashMap<>();
      spec.datasets().forEach((stream, choice) -> streams.put(stream, choice(choice)));
      tree.put("datasets", streams);
    }
    tree.put("variant", choice(spec.variant()));
    tree.put("loss", choice(spec.loss()));
    Map<String, Object> optimizers = new LinkedHashMap<>();
    optimizers.put("generator", choice(spec.generatorOptimizer()));
    optimizers.put("discriminator", choice(spec.discriminatorOptimizer()));
    tree.put("optimizers", optimizers);
    tree.put(
        "regularizers",
        new ArrayList<>(spec.regularizers().stream().map(ResolvedConfig::choice).toList()));
    tree.put(
        "metrics", new ArrayList<>(spec.metrics().stream().map(ResolvedConfig::choice).toList()));
    tree.put("features", choice(spec.features()));
    tree.put("training", ParameterBinder.unbind(spec.training()));
    tree.put("tracking", choice(spec.tracker()));
    return new ResolvedConfig(tree);
  }

  /** A plugin and its parameters in one line, for example {@code ring{modes=8, radius=1.0}}. */
  public static String choiceKey(PluginChoice choice) {
    Map<String, Object> values = choice(choice);
    values.remove("name");
    return choice.spec().name() + values;
  }

  private static Map<String, Object> choice(PluginChoice choice) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", choice.spec().name());
    choice.params().ifPresent(p -> values.putAll(ParameterBinder.unbind(p)));
    return values;
  }

  /** The resolved configuration as YAML, with secrets masked. */
  public String toYaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(Secrets.masked(tree));
  }

  /**
   * Dotted keys to values ({@code optimizers.generator.lr}, {@code regularizers.0.name}); values of
   * keys that name a secret are masked.
   */
  public Map<String, String> flatten() {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", tree, flat);
    return flat;
  }

  /** A short stable hash of everything but the name: equal configurations share a key. */
  public String trialKey() {
    Map<String, Object> identity = new LinkedHashMap<>(tree);
    identity.remove("name");
    return ContentHash.hex(new Yaml().dump(identity), 8);
  }

  private static void flatten(String prefix, Object value, Map<String, String> flat) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, flat));
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        flat.put(prefix, "[]");
      }
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "." + i, list.get(i), flat);
      }
    } else {
      flat.put(prefix, Secrets.shown(prefix, String.valueOf(value)));
    }
  }
}
