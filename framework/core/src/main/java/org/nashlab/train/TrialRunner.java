package org.nashlab.train;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Loss;
import org.nashlab.api.Optimizer;
import org.nashlab.api.RunRequest;
import org.nashlab.api.RunStatus;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.Tracker;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.config.PluginChoice;
import org.nashlab.config.ResolvedConfig;
import org.nashlab.plugin.PluginRegistry;
import org.nashlab.track.SourceCommit;
import org.tensorflow.Session;

/**
 * Runs one trial end to end: builds the plugins, opens the data, assembles the graph, and only then
 * opens a tracked run, so an experiment that cannot start leaves nothing behind in MLflow.
 *
 * <pre>{@code
 * TrialResult result = new TrialRunner(plugins, home).run(spec);
 * }</pre>
 */
public final class TrialRunner {
  private final PluginRegistry plugins;
  private final NashHome home;

  public TrialRunner(PluginRegistry plugins, NashHome home) {
    this.plugins = plugins;
    this.home = home;
  }

  public TrialResult run(ExperimentSpec spec) {
    ResolvedConfig resolved = ResolvedConfig.of(spec);
    DataSource data = create(spec.dataset(), Dataset.class).open(new DatasetContext(home.data()));
    Variant variant = create(spec.variant(), Variant.class);
    Tracker tracker = create(spec.tracker(), Tracker.class);
    RandomStreams streams = new RandomStreams(spec.training().seed());
    try (TrialGraph graph =
        new TrialGraph(
            data.sampleShape(),
            streams.init,
            create(spec.loss(), Loss.class),
            create(spec.generatorOptimizer(), Optimizer.class),
            create(spec.discriminatorOptimizer(), Optimizer.class))) {
      TrainingProgram program = variant.build(graph);
      int latentDimension = Math.toIntExact(graph.latentInput().shape().get(1));
      try (Session session = new Session(graph.graph(), SessionSettings.configProto());
          BatchFeeder feeder =
              new BatchFeeder(data, spec.training().batchSize(), latentDimension)) {
        session.initialize();
        try (TrackedRun run = tracker.start(request(spec, resolved))) {
          run.logArtifact("config.yaml", resolved.toYaml().getBytes(UTF_8));
          return train(spec, graph, program, session, feeder, streams, data, latentDimension, run);
        }
      }
    }
  }

  private TrialResult train(
      ExperimentSpec spec,
      TrialGraph graph,
      TrainingProgram program,
      Session session,
      BatchFeeder feeder,
      RandomStreams streams,
      DataSource data,
      int latentDimension,
      TrackedRun run) {
    try (SampleWriter samples =
            new SampleWriter(
                session,
                graph.latentInput(),
                program,
                latentDimension,
                data,
                streams.fixedLatent,
                run);
        TrainingProgress progress = new TrainingProgress(spec.name(), spec.training().steps())) {
      TrainingLoop.Outcome outcome =
          new TrainingLoop(
                  session, graph, program, feeder, streams, spec.training(), run, samples, progress)
              .run();
      if (outcome.diverged()) {
        run.setTag("nash.outcome", "diverged");
        run.setTag("nash.diverged-step", Long.toString(outcome.divergedAt()));
        run.setTag(
            "mlflow.note.content",
            "Diverged at step " + outcome.divergedAt() + ": " + outcome.lastScalars());
        run.finish(RunStatus.FAILED);
        return new TrialResult(RunStatus.FAILED, "diverged", outcome.lastStep(), run.url());
      }
      run.setTag("nash.outcome", "finished");
      run.finish(RunStatus.FINISHED);
      return new TrialResult(RunStatus.FINISHED, "finished", outcome.lastStep(), run.url());
    } catch (RuntimeException e) {
      run.setTag("nash.outcome", "error");
      run.setTag("mlflow.note.content", "Failed: " + e);
      run.finish(RunStatus.FAILED);
      throw e;
    }
  }

  private RunRequest request(ExperimentSpec spec, ResolvedConfig resolved) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("nash.variant", spec.variant().spec().name());
    tags.put("nash.loss", spec.loss().spec().name());
    tags.put("nash.dataset", spec.dataset().spec().name());
    tags.put("nash.seed", Long.toString(spec.training().seed()));
    tags.put("nash.trial-key", resolved.trialKey());
    tags.put(
        "nash.regularizers",
        spec.regularizers().isEmpty()
            ? "none"
            : spec.regularizers().stream()
                .map(r -> r.spec().name())
                .collect(Collectors.joining(",")));
    tags.put("mlflow.source.type", "LOCAL");
    tags.put("mlflow.source.name", spec.file().toString());
    SourceCommit.of(spec.file()).ifPresent(c -> tags.put("mlflow.source.git.commit", c));
    String runName = spec.name() + "-seed" + spec.training().seed();
    return new RunRequest(spec.name(), runName, resolved.flatten(), tags);
  }

  private <T> T create(PluginChoice choice, Class<T> as) {
    return plugins.create(choice.spec(), choice.params(), as);
  }
}
