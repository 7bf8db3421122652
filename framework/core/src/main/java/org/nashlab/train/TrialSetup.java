package org.nashlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.DataDescription;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.FeatureContext;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Features;
import org.nashlab.api.Loss;
import org.nashlab.api.Metric;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Optimizer;
import org.nashlab.api.Regularizer;
import org.nashlab.api.SampleFormat;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.config.ConfigError;
import org.nashlab.config.DataFit;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.config.NashHome;
import org.nashlab.config.PluginChoice;
import org.nashlab.config.ResolvedConfig;
import org.nashlab.config.TrainingSettings;
import org.nashlab.eval.Evaluator;
import org.nashlab.eval.NamedMetric;
import org.nashlab.eval.RealReference;
import org.nashlab.plugin.PluginRegistry;
import org.tensorflow.Session;

/**
 * A trial ready to train: its data streams open, its program built by the variant, a session with
 * every variable initialised, the training inputs allocated, and the evaluator. Owns the native
 * resources. A plugin that refuses the experiment while this is built (an {@link
 * IllegalArgumentException} from the variant, a dataset, the loss, an optimizer or a technique) is
 * an error in that plugin's section, and whatever was opened before is closed.
 */
record TrialSetup(
    Map<String, DataSource> data,
    RandomStreams streams,
    TrialGraph graph,
    TrainingProgram program,
    Session session,
    Evaluator evaluator,
    Optional<FeatureNetwork> features,
    ComputeConditions conditions)
    implements AutoCloseable {

  /** The data stream the program's samples imitate: what pictures and metrics compare with. */
  DataSource imitated() {
    return data.get(program.imitates());
  }

  static TrialSetup build(ExperimentSpec spec, PluginRegistry plugins, NashHome home) {
    try {
      return assemble(spec, plugins, home);
    } catch (PluginFailure e) {
      throw new InvalidConfigException(
          List.of(new ConfigError(spec.file().toString(), e.key(), e.reason())));
    }
  }

  private static TrialSetup assemble(ExperimentSpec spec, PluginRegistry plugins, NashHome home) {
    ComputeConditions conditions = ComputeConditions.current(spec.training().device());
    RandomStreams streams = new RandomStreams(spec.training().seed());
    Map<String, DataSource> data = new LinkedHashMap<>();
    spec.datasets()
        .forEach(
            (stream, choice) ->
                data.put(
                    stream,
                    PluginFailure.of(
                        choice.key(),
                        () ->
                            create(plugins, choice, Dataset.class)
                                .open(
                                    new DatasetContext(
                                        home.data(), streams.datasetSeed(stream))))));
    Variant variant = create(plugins, spec.variant(), Variant.class);
    checkData(spec, variant, data);
    Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    optimizers.put("generator", create(plugins, spec.generatorOptimizer(), Optimizer.class));
    optimizers.put(
        "discriminator", create(plugins, spec.discriminatorOptimizer(), Optimizer.class));
    TrialGraph graph =
        new TrialGraph(
            data,
            streams.init,
            create(plugins, spec.loss(), Loss.class),
            optimizers,
            spec.training().steps(),
            spec.training().batchSize(),
            spec.training().dSteps(),
            spec.training().updates() == TrainingSettings.Updates.SIMULTANEOUS,
            SessionSettings.placement(spec.training().device()),
            techniques(plugins, spec));
    List<AutoCloseable> opened = new ArrayList<>(List.of(graph));
    try {
      TrainingProgram program = PluginFailure.of("variant", () -> variant.build(graph));
      checkStreams(spec, graph, program);
      checkHonoured(spec, graph);
      WeightBudget.check(graph.graph(), spec);
      Session session =
          new Session(
              graph.graph(), SessionSettings.configProto(spec.training().device(), conditions));
      opened.add(0, session);
      session.initialize();
      graph.inputs().open(spec.training().batchSize(), updateInputs(program));
      DataSource imitated = data.get(program.imitates());
      List<NamedMetric> metrics = metrics(spec, plugins);
      checkMetrics(metrics, imitated);
      PluginChoice imitatedChoice = spec.datasets().get(program.imitates());
      String datasetKey = ResolvedConfig.choiceKey(imitatedChoice);
      // Opened before the run exists: training a classifier can fail, and must leave no run behind.
      Optional<FeatureNetwork> features =
          metrics.stream().anyMatch(m -> m.metric().needsFeatures(imitated))
              ? Optional.of(openFeatures(spec, plugins, home, imitated, datasetKey))
              : Optional.empty();
      features.ifPresent(f -> opened.add(0, f));
      Evaluator evaluator =
          new Evaluator(
              metrics,
              features,
              datasetKey,
              home.features().resolve("real"),
              new RealReference(imitated),
              imitated instanceof MixtureModes modes ? Optional.of(modes) : Optional.empty());
      return new TrialSetup(
          data, streams, graph, program, session, evaluator, features, conditions);
    } catch (RuntimeException e) {
      closeAll(opened);
      if (e instanceof org.tensorflow.exceptions.TensorFlowException) {
        throw new GraphException(
            "the graph of "
                + spec.variant().spec().name()
                + " with "
                + (spec.regularizers().isEmpty()
                    ? "no techniques"
                    : "techniques "
                        + spec.regularizers().stream().map(r -> r.spec().name()).toList())
                + " could not be built: "
                + e.getMessage().lines().findFirst().orElse(""),
            e);
      }
      throw e;
    }
  }

  /**
   * The variant's {@link Variant#problemsWith} on the open data: validation asked it already unless
   * a dataset could not describe its samples without reading them.
   */
  private static void checkData(
      ExperimentSpec spec, Variant variant, Map<String, DataSource> data) {
    Map<String, SampleFormat> formats = new LinkedHashMap<>();
    data.forEach((stream, source) -> formats.put(stream, SampleFormat.of(source)));
    List<ConfigError> misfits =
        DataFit.problems(spec.variant(), variant, spec.datasets(), new DataDescription(formats))
            .stream()
            .map(problem -> new ConfigError(spec.file().toString(), DataFit.KEY, problem))
            .toList();
    if (!misfits.isEmpty()) {
      throw new InvalidConfigException(misfits);
    }
  }

  /**
   * Every configured data stream must be read, the samples must imitate one of them, and what Nash
   * shows and measures must not read real labels (it feeds samples none): a stream nobody reads
   * would be a setting that never ran.
   */
  private static void checkStreams(ExperimentSpec spec, TrialGraph graph, TrainingProgram program) {
    if (!spec.datasets().containsKey(program.imitates())) {
      throw new PluginFailure(
          "variant",
          new IllegalArgumentException(
              "the program's samples imitate the data stream '"
                  + program.imitates()
                  + "', which the experiment does not define"));
    }
    List<org.tensorflow.op.Op> shown = new ArrayList<>(List.of(program.samples()));
    program.grid().ifPresent(g -> shown.add(g.images()));
    shown.addAll(program.probes().values());
    java.util.Set<String> shownReads =
        Dependencies.executedBy(shown.toArray(org.tensorflow.op.Op[]::new));
    if (graph.inputs().realLabelInputs().stream().anyMatch(shownReads::contains)) {
      throw new PluginFailure(
          "variant",
          new IllegalArgumentException(
              "the program's samples, picture or probes read real labels, which Nash does not feed"
                  + " to them; condition samples on randomLabels(...) instead"));
    }
    List<String> read = graph.inputs().readStreams();
    for (var entry : spec.datasets().entrySet()) {
      if (!read.contains(entry.getKey())) {
        throw new PluginFailure(
            entry.getValue().key(),
            new IllegalArgumentException(
                "variant '"
                    + spec.variant().spec().name()
                    + "' never reads this data stream; it reads "
                    + read));
      }
    }
  }

  /**
   * Settings only a program can carry out must have been asked for by it: packing the critic's
   * inputs and simultaneous updates. One the program never read would be a setting that never ran.
   */
  private static void checkHonoured(ExperimentSpec spec, TrialGraph graph) {
    String variant = spec.variant().spec().name();
    graph
        .packingUnasked()
        .ifPresent(
            technique -> {
              throw new PluginFailure(
                  technique.section(),
                  new IllegalArgumentException(
                      "variant '"
                          + variant
                          + "' builds its critics for single samples and never asks for packing;"
                          + " packing applies to variants whose critic packs (vanilla, dcgan)"));
            });
    if (graph.simultaneousUnasked()) {
      throw new PluginFailure(
          "training.updates",
          new IllegalArgumentException(
              "variant '"
                  + variant
                  + "' runs a program of its own that never asks for simultaneous updates;"
                  + " simultaneous applies to the two-player variants (vanilla, dcgan, cgan)"));
    }
  }

  /** The ops the program's updates read: the inputs among them are drawn and fed each step. */
  private static java.util.Set<String> updateInputs(TrainingProgram program) {
    List<org.tensorflow.op.Op> targets = new ArrayList<>();
    for (TrainingProgram.Update update : program.updates()) {
      targets.add(update.train());
      targets.addAll(update.scalars().values());
    }
    return Dependencies.executedBy(targets.toArray(org.tensorflow.op.Op[]::new));
  }

  private static List<NamedMetric> metrics(ExperimentSpec spec, PluginRegistry plugins) {
    // eval-every 0 turns evaluation off: no metric is built, no feature network opened.
    return spec.training().evalEvery() == 0
        ? List.of()
        : spec.metrics().stream()
            .map(m -> new NamedMetric(m.spec().name(), create(plugins, m, Metric.class)))
            .toList();
  }

  /** A metric that cannot measure this data is an error in its entry of {@code metrics:}. */
  private static void checkMetrics(List<NamedMetric> metrics, DataSource imitated) {
    for (int i = 0; i < metrics.size(); i++) {
      List<String> problems = metrics.get(i).metric().problemsWith(imitated);
      if (!problems.isEmpty()) {
        throw new PluginFailure(
            "metrics[" + i + "]", new IllegalArgumentException(String.join("; ", problems)));
      }
    }
  }

  /** The feature network; one that cannot serve this data is an error in the experiment. */
  private static FeatureNetwork openFeatures(
      ExperimentSpec spec, PluginRegistry plugins, NashHome home, DataSource data, String key) {
    Features features = create(plugins, spec.features(), Features.class);
    return PluginFailure.of(
        "features", () -> features.open(new FeatureContext(data, key, home.features())));
  }

  private static List<Technique> techniques(PluginRegistry plugins, ExperimentSpec spec) {
    List<Technique> techniques = new ArrayList<>();
    for (int i = 0; i < spec.regularizers().size(); i++) {
      PluginChoice choice = spec.regularizers().get(i);
      String name = choice.spec().name();
      boolean repeated =
          spec.regularizers().stream().filter(r -> r.spec().name().equals(name)).count() > 1;
      techniques.add(
          new Technique(
              repeated ? name + "-" + i : name, i, create(plugins, choice, Regularizer.class)));
    }
    return techniques;
  }

  static <T> T create(PluginRegistry plugins, PluginChoice choice, Class<T> as) {
    return plugins.create(choice.spec(), choice.params(), as);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception suppressed) {
        // Every resource is closed even when one fails to; that failure is not the one to report.
      }
    }
  }

  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    features.ifPresent(all::add);
    all.add(session);
    all.add(graph);
    closeAll(all);
  }
}
