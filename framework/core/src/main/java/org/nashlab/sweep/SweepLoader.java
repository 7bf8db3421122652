package org.nashlab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
import org.nashlab.report.ReportLoader;
import org.nashlab.report.ReportSpec;

/**
 * Reads a sweep file. Parsed with SnakeYAML's YAML 1.2 core schema rather than Commons
 * Configuration: grid and random factors are dotted experiment keys ({@code loss.name}), which
 * Commons Configuration would split into a hierarchy. Every problem is gathered, with the file, the
 * key and what was expected.
 */
public final class SweepLoader {
  private static final List<String> KEYS =
      List.of(
          "name",
          "experiment",
          "grid",
          "random",
          "seeds",
          "exclude",
          "executor",
          "metric",
          "max-trials",
          "report");

  /** How many trials a sweep may have unless its {@code max-trials} says otherwise. */
  public static final long DEFAULT_MAX_TRIALS = 10_000;

  /**
   * Experiment keys a factor cannot vary: what a trial's identity does not include, or what the
   * sweep sets another way.
   */
  private static final Map<String, String> FIXED =
      Map.of(
          "name", "trials take the sweep's name; vary a setting instead",
          "extends", "a trial's base is the sweep's experiment:; write one sweep per base",
          "training.seed", "seeds are the sweep's seeds: list");

  /**
   * A metric key as Nash logs them: words of letters, digits, {@code _ - .} joined by {@code /}.
   */
  private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  /** A dotted experiment key, as an override takes it. */
  private static final Pattern FACTOR = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  private final Path file;
  private final String source;
  private final PluginRegistry plugins;
  private final List<ConfigError> errors = new ArrayList<>();

  private SweepLoader(Path file, PluginRegistry plugins) {
    this.file = file;
    this.source = ExperimentLoader.display(file);
    this.plugins = plugins;
  }

  /**
   * @throws InvalidConfigException with every problem found
   */
  public static SweepSpec load(Path file, PluginRegistry plugins) {
    return new SweepLoader(file, plugins).load(Map.of());
  }

  /** The sweep with some of its top-level keys replaced, as a benchmark varies them. */
  public static SweepSpec load(Path file, PluginRegistry plugins, Map<String, Object> replaced) {
    return new SweepLoader(file, plugins).load(replaced);
  }

  private SweepSpec load(Map<String, Object> replaced) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidConfigException(
          List.of(new ConfigError(source, "", "cannot be read: " + e.getMessage())));
    }
    Object parsed;
    try {
      parsed = CoreSchemaYaml.create().load(text);
    } catch (RuntimeException e) {
      throw new InvalidConfigException(List.of(YamlProblems.of(source, text, e)));
    }
    if (!(parsed instanceof Map<?, ?> written)) {
      throw new InvalidConfigException(
          List.of(new ConfigError(source, "", "must be a YAML mapping of sweep keys")));
    }
    Map<Object, Object> root = new LinkedHashMap<>(written);
    root.putAll(replaced);
    for (Object key : root.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        error(
            String.valueOf(key),
            "is not a sweep key" + Suggestions.hint(String.valueOf(key), "Known", KEYS));
      }
    }
    String name = text(root, "name").orElse(null);
    if (name == null) {
      error("name", "is required: the sweep's name, which names its MLflow experiment");
    } else {
      RunName.problem(name).ifPresent(p -> error("name", p));
    }
    Path experiment = experiment(root);
    Map<String, List<Object>> grid = grid(root.get("grid"));
    Map<String, Distribution> random = new LinkedHashMap<>();
    long randomTrials = 0;
    long randomSeed = 0;
    if (root.get("random") instanceof Map<?, ?> r) {
      for (var e : r.entrySet()) {
        String key = String.valueOf(e.getKey());
        switch (key) {
          case "trials" -> randomTrials = whole(e.getValue(), "random.trials", 1);
          case "seed" -> randomSeed = whole(e.getValue(), "random.seed", 0);
          default -> {
            try {
              random.put(key, Distribution.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
              error("random." + key, bad.getMessage());
            }
          }
        }
      }
      if (randomTrials == 0 && !random.isEmpty()) {
        error("random.trials", "is required with random factors: how many draws");
      }
      if (randomTrials > 0 && random.isEmpty()) {
        error(
            "random.trials", "draws nothing: add random factors (key: distribution) or remove it");
      }
    } else if (root.containsKey("random")) {
      error("random", "must be a mapping: trials, optional seed, and key: distribution");
    }
    for (String key : random.keySet()) {
      if (grid.containsKey(key)) {
        error("random." + key, "is also a grid factor; vary a key one way only");
      }
    }
    List<Long> seeds = seeds(root.get("seeds"));
    List<Map<String, Object>> exclude = exclude(root.get("exclude"), grid, random);
    PluginChoice executor = executor(root.get("executor"));
    String metric = text(root, "metric").orElse("loss/d");
    if (!METRIC.matcher(metric).matches()) {
      error("metric", UserText.quoted(metric) + " is not a metric key such as loss/d or eval/fid");
    }
    long maxTrials =
        root.containsKey("max-trials")
            ? whole(root.get("max-trials"), "max-trials", 1)
            : DEFAULT_MAX_TRIALS;
    if (maxTrials > Integer.MAX_VALUE) {
      error("max-trials", "must be at most " + Integer.MAX_VALUE + ", got " + maxTrials);
    }
    Map<String, String> factors = new LinkedHashMap<>();
    grid.keySet().forEach(k -> factors.put(k, "grid." + k));
    random.keySet().forEach(k -> factors.putIfAbsent(k, "random." + k));
    checkFactors(factors);
    Optional<ReportSpec> report = name == null ? Optional.empty() : report(root, name);
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return new SweepSpec(
        name,
        file,
        text,
        experiment,
        grid,
        random,
        randomTrials,
        randomSeed,
        seeds,
        exclude,
        executor,
        metric,
        maxTrials,
        report);
  }

  /** The {@code report:} section, or else {@code reports/NAME.yaml} beside the sweep's folder. */
  private Optional<ReportSpec> report(Map<?, ?> root, String name) {
    try {
      if (root.containsKey("report")) {
        return Optional.of(ReportLoader.section(file, root.get("report"), name, plugins));
      }
      Path beside =
          file.toAbsolutePath().getParent().resolveSibling("reports").resolve(name + ".yaml");
      return Files.isRegularFile(beside)
          ? Optional.of(ReportLoader.load(beside, plugins))
          : Optional.empty();
    } catch (InvalidConfigException e) {
      errors.addAll(e.errors());
      return Optional.empty();
    }
  }

  /**
   * Every factor must change the trials it names: not a key a trial takes from elsewhere, nor a
   * section holding one ({@code training} holds the seed the sweep sets), nor a key another factor
   * sets too.
   */
  private void checkFactors(Map<String, String> factors) {
    List<String> seen = new ArrayList<>();
    factors.forEach(
        (key, label) -> {
          Optional<String> fixed =
              FIXED.keySet().stream()
                  .filter(f -> f.equals(key) || f.startsWith(key + "."))
                  .findFirst();
          Optional<String> overlapping =
              seen.stream()
                  .filter(k -> k.equals(key) || k.startsWith(key + ".") || key.startsWith(k + "."))
                  .findFirst();
          if (!FACTOR.matcher(key).matches()) {
            error(label, UserText.quoted(key) + " is not a dotted experiment key");
          } else if (fixed.isPresent()) {
            error(
                label,
                "cannot be a factor: "
                    + (fixed.get().equals(key) ? "" : "it holds " + fixed.get() + ", and ")
                    + FIXED.get(fixed.get()));
          } else if (overlapping.isPresent()) {
            error(label, "overlaps the factor " + overlapping.get() + "; vary each key once");
          }
          seen.add(key);
        });
  }

  private Path experiment(Map<?, ?> root) {
    Optional<String> written = text(root, "experiment");
    if (written.isEmpty()) {
      error("experiment", "is required: the base experiment file, relative to the sweep file");
      return null;
    }
    Path base = file.toAbsolutePath().getParent().resolve(written.get()).normalize();
    if (!Files.isRegularFile(base)) {
      error("experiment", "'" + written.get() + "' is not a file (looked for " + base + ")");
    }
    return base;
  }

  private Map<String, List<Object>> grid(Object written) {
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    if (written == null) {
      return grid;
    }
    if (!(written instanceof Map<?, ?> map)) {
      error("grid", "must be a mapping of experiment keys to lists of values");
      return grid;
    }
    for (var e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof List<?> values) || values.isEmpty()) {
        error(
            "grid." + key,
            "must be a non-empty list of the values to try, got "
                + UserText.quoted(String.valueOf(e.getValue())));
      } else if (values.contains(null)) {
        error("grid." + key, "lists an empty value; give each value or remove it");
      } else if (values.stream().map(FactorValues::yaml).distinct().count() != values.size()) {
        error("grid." + key, "lists a value twice; each value makes its own trials");
      } else {
        grid.put(key, List.copyOf(values));
      }
    }
    return grid;
  }

  private List<Long> seeds(Object written) {
    if (written == null) {
      return List.of(1L);
    }
    if (!(written instanceof List<?> list) || list.isEmpty()) {
      error("seeds", "must be a non-empty list of whole numbers, got " + written);
      return List.of();
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      seeds.add(whole(list.get(i), "seeds[" + i + "]", 0));
    }
    if (seeds.stream().distinct().count() != seeds.size()) {
      error("seeds", "lists a seed twice: " + seeds);
    }
    return seeds;
  }

  private List<Map<String, Object>> exclude(
      Object written, Map<String, List<Object>> grid, Map<String, Distribution> random) {
    List<Map<String, Object>> rules = new ArrayList<>();
    if (written == null) {
      return rules;
    }
    if (!(written instanceof List<?> list)) {
      error("exclude", "must be a list of rules, each a mapping of factor keys to values");
      return rules;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> rule) || rule.isEmpty()) {
        error("exclude[" + i + "]", "must be a mapping of factor keys to values");
        continue;
      }
      Map<String, Object> pairs = new LinkedHashMap<>();
      for (var e : rule.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!grid.containsKey(key) && !random.containsKey(key)) {
          List<String> factors = new ArrayList<>(grid.keySet());
          factors.addAll(random.keySet());
          error(
              "exclude[" + i + "]." + key,
              "is not a factor of this sweep" + Suggestions.hint(key, "Factors", factors));
        }
        pairs.put(key, e.getValue());
      }
      rules.add(pairs);
    }
    return rules;
  }

  private PluginChoice executor(Object written) {
    return PluginSection.bind(
            plugins,
            PluginKind.EXECUTOR,
            "executor",
            written,
            "local",
            "{name: local, parallelism: 2}",
            this::error)
        .orElse(null);
  }

  private Optional<String> text(Map<?, ?> root, String key) {
    Object value = root.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map || value instanceof List) {
      error(key, "must be a single value, got " + UserText.quoted(String.valueOf(value)));
      return Optional.empty();
    }
    return Optional.of(String.valueOf(value));
  }

  private long whole(Object value, String key, long min) {
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      if (n >= min) {
        return n;
      }
    }
    error(
        key,
        "must be a whole number >= " + min + ", got " + UserText.quoted(String.valueOf(value)));
    return min;
  }

  private void error(String key, String message) {
    errors.add(new ConfigError(source, key, message));
  }
}
