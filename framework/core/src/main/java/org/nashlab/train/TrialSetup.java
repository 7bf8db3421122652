package org.nashlab.train;

import java.util.List;
import java.util.Optional;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.FeatureContext;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Features;
import org.nashlab.api.LabeledSource;
import org.nashlab.api.Loss;
import org.nashlab.api.Metric;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Optimizer;
import org.nashlab.api.Regularizer;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.config.ConfigError;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.config.NashHome;
import org.nashlab.config.PluginChoice;
import org.nashlab.config.ResolvedConfig;
import org.nashlab.eval.Evaluator;
import org.nashlab.eval.NamedMetric;
import org.nashlab.eval.RealReference;
import org.nashlab.plugin.PluginRegistry;
import org.tensorflow.Session;

/**
 * A trial ready to train: its data open, its graph built by the variant, a session with every
 * variable initialised, and the reused input batches. Owns the native resources.
 */
record TrialSetup(
    DataSource data,
    RandomStreams streams,
    TrialGraph graph,
    TrainingProgram program,
    Session session,
    BatchFeeder feeder,
    int latentDimension,
    Evaluator evaluator,
    Optional<FeatureNetwork> features)
    implements AutoCloseable {

  static TrialSetup build(ExperimentSpec spec, PluginRegistry plugins, NashHome home) {
    DataSource data =
        create(plugins, spec.dataset(), Dataset.class).open(new DatasetContext(home.data()));
    // eval-every 0 turns evaluation off: no metric is built, no feature network opened.
    List<NamedMetric> metrics =
        spec.training().evalEvery() == 0
            ? List.of()
            : spec.metrics().stream()
                .map(m -> new NamedMetric(m.spec().name(), create(plugins, m, Metric.class)))
                .toList();
    String datasetKey = ResolvedConfig.choiceKey(spec.dataset());
    // Opened before the run exists: training a classifier can fail, and must leave no run behind.
    Optional<FeatureNetwork> features =
        metrics.stream().anyMatch(m -> m.metric().needsFeatures(data))
            ? Optional.of(openFeatures(spec, plugins, home, data, datasetKey))
            : Optional.empty();
    Evaluator evaluator =
        new Evaluator(
            metrics,
            features,
            datasetKey,
            home.features().resolve("real"),
            new RealReference(data),
            data instanceof MixtureModes modes ? Optional.of(modes) : Optional.empty());
    Variant variant = create(plugins, spec.variant(), Variant.class);
    RandomStreams streams = new RandomStreams(spec.training().seed());
    TrialGraph graph =
        new TrialGraph(
            data.sampleShape(),
            streams.init,
            create(plugins, spec.loss(), Loss.class),
            create(plugins, spec.generatorOptimizer(), Optimizer.class),
            create(plugins, spec.discriminatorOptimizer(), Optimizer.class),
            data instanceof LabeledSource labeled ? labeled.classes() : 0,
            spec.training().steps(),
            (long) spec.training().steps() * spec.training().dSteps(),
            SessionSettings.placement(spec.training().device()),
            techniques(plugins, spec));
    Session session = null;
    try {
      TrainingProgram program = variant.build(graph);
      int latentDimension = Math.toIntExact(graph.latentInput().shape().get(1));
      session = new Session(graph.graph(), SessionSettings.configProto(spec.training().device()));
      session.initialize();
      BatchFeeder feeder = new BatchFeeder(data, spec.training().batchSize(), latentDimension);
      return new TrialSetup(
          data, streams, graph, program, session, feeder, latentDimension, evaluator, features);
    } catch (RuntimeException e) {
      if (session != null) {
        session.close();
      }
      graph.close();
      features.ifPresent(FeatureNetwork::close);
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

  /** The feature network; one that cannot serve this data is an error in the experiment. */
  private static FeatureNetwork openFeatures(
      ExperimentSpec spec, PluginRegistry plugins, NashHome home, DataSource data, String key) {
    Features features = create(plugins, spec.features(), Features.class);
    try {
      return features.open(new FeatureContext(data, key, home.features()));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          List.of(new ConfigError(spec.file().toString(), "features", e.getMessage())));
    }
  }

  private static java.util.List<Technique> techniques(PluginRegistry plugins, ExperimentSpec spec) {
    java.util.List<Technique> techniques = new java.util.ArrayList<>();
    for (int i = 0; i < spec.regularizers().size(); i++) {
      PluginChoice choice = spec.regularizers().get(i);
      String name = choice.spec().name();
      boolean repeated =
          spec.regularizers().stream().filter(r -> r.spec().name().equals(name)).count() > 1;
      techniques.add(
          new Technique(
              repeated ? name + "-" + i : name, create(plugins, choice, Regularizer.class)));
    }
    return techniques;
  }

  static <T> T create(PluginRegistry plugins, PluginChoice choice, Class<T> as) {
    return plugins.create(choice.spec(), choice.params(), as);
  }

  @Override
  public void close() {
    features.ifPresent(FeatureNetwork::close);
    feeder.close();
    session.close();
    graph.close();
  }
}
