package org.nashlab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Dataset;
import org.nashlab.api.InvalidSettingException;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;
import org.nashlab.api.SampleFormat;
import org.nashlab.api.Variant;
import org.nashlab.plugin.DiscoveryProblem;
import org.nashlab.plugin.ParameterBinder;
import org.nashlab.plugin.PluginRegistry;
import org.nashlab.plugin.Suggestions;
import org.nashlab.plugin.UserText;

/**
 * Turns a loaded configuration into an {@link ExperimentSpec}, gathering every problem before
 * failing: unknown sections and keys, unknown plugin names, bad or out-of-range values,
 * interpolations Nash does not allow, settings a plugin's constructor refuses ({@link
 * InvalidSettingException}), and data the variant cannot train on ({@link DataFit}).
 */
public final class ExperimentBinder {
  private static final List<String> SECTIONS =
      List.of(
          "name",
          "dataset",
          "datasets",
          "variant",
          "loss",
          "optimizers",
          "regularizers",
          "metrics",
          "features",
          "training",
          "tracking");

  /** The feature network when an experiment names none: the classifier Nash trains itself. */
  static final String DEFAULT_FEATURES = "trained-classifier";

  private static final List<String> NETWORKS = List.of("generator", "discriminator");
  private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{([^}]*)}");

  private final LayeredConfig config;
  private final PluginRegistry plugins;
  private final List<ConfigError> errors = new ArrayList<>();
  private final List<ConfigError> unavailable = new ArrayList<>();

  private ExperimentBinder(LayeredConfig config, PluginRegistry plugins) {
    this.config = config;
    this.plugins = plugins;
  }

  /**
   * @throws InvalidConfigException listing every problem found
   * @throws UnavailablePluginException if the experiment names a plugin discovery left out
   */
  public static ExperimentSpec bind(LayeredConfig config, PluginRegistry plugins) {
    return new ExperimentBinder(config, plugins).bind();
  }

  private ExperimentSpec bind() {
    checkInterpolations();
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    checkKnown("", SECTIONS, "is not a section of an experiment", topLevelKeys());
    checkKnown(
        "optimizers.", NETWORKS, "is not a network with an optimizer", childNames("optimizers"));
    String name = name();
    int before = errors.size();
    Map<String, PluginChoice> datasets = datasets();
    Map<String, SampleFormat> formats = new LinkedHashMap<>();
    datasets.forEach(
        (stream, choice) -> checkDataset(choice).ifPresent(format -> formats.put(stream, format)));
    boolean described = errors.size() == before && formats.size() == datasets.size();
    Optional<PluginChoice> variant = choice("variant", PluginKind.VARIANT, null);
    Optional<PluginChoice> loss = choice("loss", PluginKind.LOSS, null);
    Optional<PluginChoice> gOpt = choice("optimizers.generator", PluginKind.OPTIMIZER, null);
    Optional<PluginChoice> dOpt = choice("optimizers.discriminator", PluginKind.OPTIMIZER, null);
    List<PluginChoice> regularizers = list("regularizers", PluginKind.REGULARIZER);
    List<PluginChoice> metrics = list("metrics", PluginKind.METRIC);
    Optional<PluginChoice> features = choice("features", PluginKind.FEATURES, DEFAULT_FEATURES);
    Optional<PluginChoice> tracker = choice("tracking", PluginKind.TRACKER, "mlflow");
    Optional<TrainingSettings> training = settings("training", TrainingSettings.class);
    variant.ifPresent(
        v ->
            built(v)
                .filter(built -> described)
                .ifPresent(
                    built ->
                        DataFit.problems(v, (Variant) built, datasets, new DataDescription(formats))
                            .forEach(problem -> error(DataFit.KEY, problem))));
    Stream.of(loss, gOpt, dOpt, features, tracker).flatMap(Optional::stream).forEach(this::built);
    Stream.of(regularizers, metrics).flatMap(List::stream).forEach(this::built);
    if (!unavailable.isEmpty()) {
      throw new UnavailablePluginException(unavailable, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return new ExperimentSpec(
        name,
        config.file(),
        datasets,
        variant.orElseThrow(),
        loss.orElseThrow(),
        gOpt.orElseThrow(),
        dOpt.orElseThrow(),
        regularizers,
        metrics,
        features.orElseThrow(),
        tracker.orElseThrow(),
        training.orElseThrow());
  }

  /**
   * {@code dataset:} as the one stream {@code real}, or the named streams of {@code datasets:} (for
   * programs that read several, such as CycleGAN's two domains); never both.
   */
  private Map<String, PluginChoice> datasets() {
    Map<String, PluginChoice> streams = new LinkedHashMap<>();
    List<String> named = childNames("datasets");
    if (named.isEmpty() || config.has("dataset")) {
      if (!named.isEmpty()) {
        error(
            "datasets",
            "give either dataset: (one data stream) or datasets: (named streams), not both");
      }
      choice("dataset", PluginKind.DATASET, null)
          .ifPresent(c -> streams.put(org.nashlab.api.VariantContext.REAL, c));
      return streams;
    }
    for (String stream : named) {
      if (!stream.matches("[a-z0-9][a-z0-9-]*")) {
        error(
            "datasets." + stream,
            "a stream name is lower-case letters, digits and '-', like a or a-held-out");
        continue;
      }
      choice("datasets." + stream, PluginKind.DATASET, null).ifPresent(c -> streams.put(stream, c));
    }
    return streams;
  }

  /**
   * What the dataset finds wrong with its parameters without reading data (a path that does not
   * exist), reported under the parameter's key when the message starts with one; then the format of
   * its samples, when it can tell without reading them.
   */
  private Optional<SampleFormat> checkDataset(PluginChoice choice) {
    List<String> keys =
        choice
            .params()
            .map(p -> ParameterBinder.unbind(p).keySet().stream().toList())
            .orElse(List.of());
    Optional<Dataset> dataset = built(choice).map(Dataset.class::cast);
    for (String problem : dataset.map(Dataset::problems).orElse(List.of())) {
      String first = problem.split(" ", 2)[0];
      if (keys.contains(first) && problem.length() > first.length()) {
        error(choice.key() + "." + first, problem.substring(first.length() + 1));
      } else {
        error(choice.key(), problem);
      }
    }
    return dataset.flatMap(Dataset::format);
  }

  /**
   * The plugin, built from its bound parameters as the trial will build it; an {@link
   * InvalidSettingException} from its constructor is an error at the setting it names, an {@link
   * IllegalArgumentException} one at its section.
   */
  private Optional<Object> built(PluginChoice choice) {
    try {
      return Optional.of(
          plugins.create(choice.spec(), choice.params(), choice.spec().kind().contract()));
    } catch (InvalidSettingException e) {
      error(e.keyIn(choice.key()), e.getMessage());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      error(choice.key(), String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  private Optional<PluginChoice> choice(String key, PluginKind kind, String defaultName) {
    Map<String, String> values = new LinkedHashMap<>(config.section(key));
    String written = values.remove("name");
    List<String> known = plugins.names(kind);
    if (written == null && defaultName == null) {
      error(
          key + ".name",
          "is required: name a " + kind.label() + Suggestions.hint("", "Known", known));
      return Optional.empty();
    }
    String name = written == null ? defaultName : written;
    Optional<PluginSpec> spec = plugins.find(kind, name);
    if (spec.isEmpty()) {
      unknown(key + ".name", kind, name, known);
      return Optional.empty();
    }
    Optional<Class<? extends Record>> paramsType = PluginRegistry.parametersOf(spec.get());
    if (paramsType.isEmpty()) {
      values
          .keySet()
          .forEach(
              k ->
                  error(
                      key + "." + k,
                      "is not a parameter: " + kind.label() + " '" + name + "' takes none"));
      return values.isEmpty()
          ? Optional.of(new PluginChoice(key, spec.get(), Optional.empty()))
          : Optional.empty();
    }
    return bindRecord(key, paramsType.get(), values)
        .map(params -> new PluginChoice(key, spec.get(), Optional.of(params)));
  }

  /**
   * A name no usable plugin has: a plugin discovery left out (with why), possibly a plugin of a jar
   * that did not load (when no known name is close), or a typo.
   */
  private void unknown(String key, PluginKind kind, String name, List<String> known) {
    Optional<DiscoveryProblem> unusable = plugins.unusable(kind, name);
    if (unusable.isPresent()) {
      unavailable(key, UserText.quoted(name) + " cannot be used: " + unusable.get());
    } else if (Suggestions.closest(name, known).isEmpty() && !plugins.unloaded().isEmpty()) {
      unavailable(
          key,
          UserText.quoted(name)
              + " is not a "
              + kind.label()
              + " of the plugins that loaded, and these did not load: "
              + String.join(
                  ", ", plugins.unloaded().stream().map(DiscoveryProblem::source).toList())
              + Suggestions.hint(name, "Known", known));
    } else {
      error(
          key, "'" + name + "' is not a " + kind.label() + Suggestions.hint(name, "Known", known));
    }
  }

  private List<PluginChoice> list(String key, PluginKind kind) {
    List<PluginChoice> choices = new ArrayList<>();
    int count = config.has(key) ? config.count(key) : 0;
    for (int i = 0; i < count; i++) {
      choice(key + "(" + i + ")", kind, null).ifPresent(choices::add);
    }
    return choices;
  }

  private <R extends Record> Optional<R> settings(String key, Class<R> type) {
    return bindRecord(key, type, config.section(key));
  }

  private <R extends Record> Optional<R> bindRecord(
      String key, Class<R> type, Map<String, String> values) {
    ParameterBinder.Binding<R> binding = ParameterBinder.bind(type, values);
    for (ParameterBinder.Problem p : binding.problems()) {
      String full = p.key().isEmpty() ? key : key + "." + p.key();
      error(full, p.message());
    }
    return binding.value();
  }

  private void checkInterpolations() {
    for (String key : config.keys("")) {
      Optional<String> expanded;
      try {
        expanded = config.get(key);
      } catch (IllegalStateException e) {
        error(key, "cannot be expanded: " + e.getMessage());
        continue;
      }
      expanded.ifPresent(
          value -> {
            Matcher m = UNRESOLVED.matcher(value);
            if (m.find()) {
              error(
                  key,
                  "'${"
                      + m.group(1)
                      + "}' cannot be expanded: Nash expands only ${env:NAME},"
                      + " ${sys:name} and ${other.key}, and the name must exist");
            }
          });
    }
  }

  private void checkKnown(String prefix, List<String> known, String what, List<String> present) {
    for (String k : present) {
      if (!known.contains(k)) {
        error(prefix + k, what + Suggestions.hint(k, "Known", known));
      }
    }
  }

  private List<String> topLevelKeys() {
    return config.keys("").stream().map(k -> k.split("\\.")[0]).distinct().toList();
  }

  private List<String> childNames(String section) {
    return config.section(section).keySet().stream()
        .map(k -> k.split("\\.")[0])
        .distinct()
        .toList();
  }

  /** {@code name:}, or the file's name without its extension. */
  private String name() {
    Optional<String> written = config.get("name");
    String name =
        written.orElseGet(
            () -> config.file().getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    RunName.problem(name)
        .ifPresent(
            p -> error("name", written.isPresent() ? p : p + " (taken from the file's name)"));
    return name;
  }

  private void error(String key, String message) {
    errors.add(located(key, message));
  }

  private void unavailable(String key, String message) {
    unavailable.add(located(key, message));
  }

  private ConfigError located(String key, String message) {
    String display = key.replaceAll("\\((\\d+)\\)", "[$1]");
    return new ConfigError(config.origin(key), display, message);
  }
}
