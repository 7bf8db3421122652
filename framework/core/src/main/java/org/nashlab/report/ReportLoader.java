package org.nashlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.PluginKind;
import org.nashlab.config.ConfigError;
import org.nashlab.config.CoreSchemaYaml;
import org.nashlab.config.ExperimentLoader;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.config.PluginChoice;
import org.nashlab.config.PluginSection;
import org.nashlab.config.RunName;
import org.nashlab.config.YamlProblems;
import org.nashlab.plugin.PluginRegistry;
import org.nashlab.plugin.Suggestions;
import org.nashlab.plugin.UserText;

/**
 * Reads a report: a {@code reports/NAME.yaml} file, or the {@code report:} section of a sweep file.
 * Every problem is gathered, with the file, the key and what was expected.
 *
 * <pre>{@code
 * name: quickstart
 * sweeps: [quickstart]                 # default: the report's name
 * filter: "tags.`nash.seed` != '3'"    # optional: an MLflow search filter over the sweeps' runs
 * group-by: [regularizers]             # default: every factor but the seed
 * baseline: { regularizers: none }     # default: the first group
 * metrics:
 *   - { key: eval/modes-covered, reduction: final, better: higher }
 *   - { key: loss/d, reduction: last-k, k: 5, better: lower }
 * bootstrap: { resamples: 10000, seed: 0 }
 * }</pre>
 */
public final class ReportLoader {
  private static final List<String> KEYS =
      List.of(
          "name", "sweeps", "filter", "group-by", "baseline", "metrics", "bootstrap", "tracking");
  private static final List<String> METRIC_KEYS =
      List.of("key", "reduction", "better", "k", "threshold");

  private final String source;
  private final PluginRegistry plugins;
  private final List<ConfigError> errors = new ArrayList<>();

  private ReportLoader(Path file, PluginRegistry plugins) {
    this.source = ExperimentLoader.display(file);
    this.plugins = plugins;
  }

  /**
   * A report file; its output goes to {@code out/NAME} beside it.
   *
   * @throws InvalidConfigException with every problem found
   */
  public static ReportSpec load(Path file, PluginRegistry plugins) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  ExperimentLoader.display(file), "", "cannot be read: " + e.getMessage())));
    }
    Object parsed;
    try {
      parsed = CoreSchemaYaml.create().load(text);
    } catch (RuntimeException e) {
      throw new InvalidConfigException(
          List.of(YamlProblems.of(ExperimentLoader.display(file), text, e)));
    }
    Path folder = file.toAbsolutePath().getParent();
    return new ReportLoader(file, plugins).read(file, parsed, "", folder.resolve("out"), null);
  }

  /**
   * The {@code report:} section of sweep {@code sweep} in {@code file}; its output goes to {@code
   * reports/out/NAME} beside the sweep's folder.
   */
  public static ReportSpec section(
      Path file, Object section, String sweep, PluginRegistry plugins) {
    Path out = file.toAbsolutePath().getParent().resolveSibling("reports").resolve("out");
    return new ReportLoader(file, plugins).read(file, section, "report.", out, sweep);
  }

  private ReportSpec read(Path file, Object parsed, String prefix, Path out, String sweep) {
    if (!(parsed instanceof Map<?, ?> root)) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  source, prefix.replace(".", ""), "must be a YAML map of report keys")));
    }
    root.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !KEYS.contains(k))
        .forEach(
            k -> error(prefix + k, "is not a report key" + Suggestions.hint(k, "Known", KEYS)));
    String name = text(root, "name", prefix).orElse(sweep);
    if (name == null) {
      error(prefix + "name", "is required: the report's name, which names its folder");
      name = "report";
    } else {
      RunName.problem(name).ifPresent(p -> error(prefix + "name", p));
    }
    List<String> sweeps = texts(root.get("sweeps"), prefix + "sweeps");
    if (sweeps.isEmpty()) {
      sweeps = List.of(sweep == null ? name : sweep);
    }
    Optional<String> filter = text(root, "filter", prefix);
    List<String> groupBy = texts(root.get("group-by"), prefix + "group-by");
    Map<String, String> baseline = baseline(root.get("baseline"), prefix + "baseline");
    List<MetricSpec> metrics = metrics(root.get("metrics"), prefix + "metrics");
    int resamples = 10_000;
    long seed = 0;
    if (root.get("bootstrap") instanceof Map<?, ?> bootstrap) {
      for (var e : bootstrap.entrySet()) {
        switch (String.valueOf(e.getKey())) {
          case "resamples" ->
              resamples =
                  (int) whole(e.getValue(), prefix + "bootstrap.resamples", 1000, 1_000_000);
          case "seed" -> seed = whole(e.getValue(), prefix + "bootstrap.seed", 0, Long.MAX_VALUE);
          default ->
              error(
                  prefix + "bootstrap." + e.getKey(),
                  "is not a bootstrap key; known: resamples, seed");
        }
      }
    } else if (root.containsKey("bootstrap")) {
      error(prefix + "bootstrap", "must be a map: { resamples: 10000, seed: 0 }");
    }
    PluginChoice tracker = tracker(root.get("tracking"), prefix + "tracking");
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return new ReportSpec(
        name,
        file,
        sweeps,
        filter,
        groupBy,
        baseline,
        metrics,
        resamples,
        seed,
        tracker,
        out.resolve(name));
  }

  private List<MetricSpec> metrics(Object written, String key) {
    List<MetricSpec> metrics = new ArrayList<>();
    if (!(written instanceof List<?> list) || list.isEmpty()) {
      error(key, "is required: a list of { key: METRIC, reduction: final, better: higher|lower }");
      return metrics;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = key + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        error(at, "must be a map such as { key: eval/fid, reduction: final, better: lower }");
        continue;
      }
      m.keySet().stream()
          .map(String::valueOf)
          .filter(k -> !METRIC_KEYS.contains(k))
          .forEach(
              k ->
                  error(
                      at + "." + k,
                      "is not a metric key" + Suggestions.hint(k, "Known", METRIC_KEYS)));
      Optional<String> metric = text(m, "key", at + ".");
      Optional<Reduction> reduction = reduction(m.get("reduction"), at + ".reduction");
      Optional<String> better = text(m, "better", at + ".");
      if (metric.isEmpty()) {
        error(at + ".key", "is required: the logged metric, such as eval/fid");
      }
      if (better.isEmpty() || !List.of("higher", "lower").contains(better.get())) {
        error(at + ".better", "must be higher or lower: which way the metric improves");
      }
      int k = m.containsKey("k") ? (int) whole(m.get("k"), at + ".k", 1, 10_000) : 1;
      double threshold = Double.NaN;
      if (reduction.orElse(null) == Reduction.THRESHOLD) {
        if (m.get("threshold") instanceof Number n && Double.isFinite(n.doubleValue())) {
          threshold = n.doubleValue();
        } else {
          error(at + ".threshold", "is required with reduction threshold: a finite number");
        }
      } else if (m.containsKey("threshold")) {
        error(at + ".threshold", "is only for reduction threshold");
      }
      if (m.containsKey("k") && reduction.orElse(null) != Reduction.LAST_K) {
        error(at + ".k", "is only for reduction last-k");
      }
      if (metric.isPresent() && reduction.isPresent() && better.isPresent()) {
        metrics.add(
            new MetricSpec(
                metric.get(),
                reduction.get(),
                better.get().equals("higher"),
                reduction.get() == Reduction.LAST_K && !m.containsKey("k") ? 5 : k,
                threshold));
      }
    }
    return metrics;
  }

  private Optional<Reduction> reduction(Object written, String key) {
    String value = written == null ? "final" : String.valueOf(written);
    for (Reduction r : Reduction.values()) {
      if (r.label().equals(value)) {
        return Optional.of(r);
      }
    }
    List<String> known = java.util.Arrays.stream(Reduction.values()).map(Reduction::label).toList();
    error(
        key,
        UserText.quoted(value) + " is not a reduction" + Suggestions.hint(value, "Known", known));
    return Optional.empty();
  }

  private Map<String, String> baseline(Object written, String key) {
    Map<String, String> baseline = new LinkedHashMap<>();
    if (written == null) {
      return baseline;
    }
    if (!(written instanceof Map<?, ?> map) || map.isEmpty()) {
      error(key, "must be a map of factor to value, such as { regularizers: none }");
      return baseline;
    }
    map.forEach((k, v) -> baseline.put(String.valueOf(k), String.valueOf(v)));
    return baseline;
  }

  private PluginChoice tracker(Object written, String key) {
    return PluginSection.bind(
            plugins,
            PluginKind.TRACKER,
            key,
            written,
            "mlflow",
            "{ uri: http://127.0.0.1:5000 }",
            this::error)
        .orElse(null);
  }

  private List<String> texts(Object written, String key) {
    if (written == null) {
      return List.of();
    }
    if (!(written instanceof List<?> list)
        || list.stream().anyMatch(v -> v instanceof Map || v instanceof List || v == null)) {
      error(key, "must be a list of names");
      return List.of();
    }
    return list.stream().map(String::valueOf).toList();
  }

  private Optional<String> text(Map<?, ?> root, String key, String prefix) {
    Object value = root.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map || value instanceof List) {
      error(prefix + key, "must be a single value");
      return Optional.empty();
    }
    return Optional.of(String.valueOf(value));
  }

  private long whole(Object value, String key, long min, long max) {
    if ((value instanceof Integer || value instanceof Long)
        && ((Number) value).longValue() >= min
        && ((Number) value).longValue() <= max) {
      return ((Number) value).longValue();
    }
    error(
        key,
        "must be a whole number in ["
            + min
            + ", "
            + max
            + "], got "
            + UserText.quoted(String.valueOf(value)));
    return min;
  }

  private void error(String key, String message) {
    errors.add(new ConfigError(source, key, message));
  }
}
