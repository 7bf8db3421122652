package org.nashlab.train;

import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.LabeledSource;
import org.nashlab.api.Loss;
import org.nashlab.api.Optimizer;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.config.PluginChoice;
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
    int latentDimension)
    implements AutoCloseable {

  static TrialSetup build(ExperimentSpec spec, PluginRegistry plugins, NashHome home) {
    DataSource data =
        create(plugins, spec.dataset(), Dataset.class).open(new DatasetContext(home.data()));
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
            SessionSettings.placement(spec.training().device()));
    Session session = null;
    try {
      TrainingProgram program = variant.build(graph);
      int latentDimension = Math.toIntExact(graph.latentInput().shape().get(1));
      session = new Session(graph.graph(), SessionSettings.configProto(spec.training().device()));
      session.initialize();
      BatchFeeder feeder = new BatchFeeder(data, spec.training().batchSize(), latentDimension);
      return new TrialSetup(data, streams, graph, program, session, feeder, latentDimension);
    } catch (RuntimeException e) {
      if (session != null) {
        session.close();
      }
      graph.close();
      throw e;
    }
  }

  static <T> T create(PluginRegistry plugins, PluginChoice choice, Class<T> as) {
    return plugins.create(choice.spec(), choice.params(), as);
  }

  @Override
  public void close() {
    feeder.close();
    session.close();
    graph.close();
  }
}
