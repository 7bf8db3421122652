package org.nashlab.train;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.Executor;
import org.nashlab.api.RunRecord;
import org.nashlab.api.RunRequest;
import org.nashlab.api.RunStatus;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.Tracker;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.config.ResolvedConfig;
import org.nashlab.plugin.PluginRegistry;
import org.nashlab.track.MlflowKeys;
import org.nashlab.track.SourceCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial end to end: builds the plugins, opens the data, assembles the graph, and only then
 * opens a tracked run, so an experiment that cannot start leaves nothing behind in MLflow.
 * Checkpoints go to {@code NASH_HOME/checkpoints/RUN_ID}; {@link #resume} continues from the last
 * one in the same run.
 *
 * <pre>{@code
 * TrialResult result = new TrialRunner(plugins, home).run(spec);
 * }</pre>
 */
public final class TrialRunner {
  private static final Logger log = LoggerFactory.getLogger(TrialRunner.class);

  /** The tag of a run resumed under other {@link ComputeConditions}: the step and what changed. */
  public static final String CONDITIONS_CHANGED = "nash.resumed-under-other-conditions";

  private final PluginRegistry plugins;
  private final NashHome home;

  public TrialRunner(PluginRegistry plugins, NashHome home) {
    this.plugins = plugins;
    this.home = home;
  }

  /** Trains a new trial in a new run. */
  public TrialResult run(ExperimentSpec spec) {
    return execute(spec, Optional.empty(), Optional.empty());
  }

  /** Trains a new trial of a sweep in a new run. */
  public TrialResult run(ExperimentSpec spec, SweepTrial sweep) {
    return execute(spec, Optional.empty(), Optional.of(sweep));
  }

  /**
   * Continues run {@code runId} from its last checkpoint; {@code spec} is {@link #resumeConfig}.
   */
  public TrialResult resume(ExperimentSpec spec, String runId) {
    return execute(spec, Optional.of(runId), Optional.empty());
  }

  /** Continues run {@code runId} of a sweep from its last checkpoint. */
  public TrialResult resume(ExperimentSpec spec, String runId, SweepTrial sweep) {
    return execute(spec, Optional.of(runId), Optional.of(sweep));
  }

  /**
   * Continues the trial's latest run in its sweep from its checkpoint; if that run finished,
   * returns it without training; if there is none to continue, trains a new one. What a sweep's
   * trial runs, so that an executor may start it again (a requeued task) without a second run.
   */
  public TrialResult resumeOrRun(ExperimentSpec spec, SweepTrial sweep) {
    Tracker tracker = TrialSetup.create(plugins, spec.tracker(), Tracker.class);
    String parent = sweep.tags().get("mlflow.parentRunId");
    Optional<RunRecord> latest =
        tracker
            .find(
                sweep.experiment(),
                Map.of(
                    "nash.sweep",
                    sweep.experiment(),
                    "nash.trial-key",
                    ResolvedConfig.of(spec).trialKey()))
            .stream()
            .filter(r -> parent == null || parent.equals(r.tags().get("mlflow.parentRunId")))
            .reduce((a, b) -> b);
    if (latest.isPresent() && latest.get().hasStatus(RunStatus.FINISHED)) {
      RunRecord done = latest.get();
      return new TrialResult(
          RunStatus.FINISHED, "finished", spec.training().steps(), done.id(), done.url());
    }
    return latest
        .map(RunRecord::id)
        .filter(id -> canResume(home, id))
        .map(id -> resume(spec, id, sweep))
        .orElseGet(() -> run(spec, sweep));
  }

  /** Whether run {@code runId} left a checkpoint on this machine to resume from. */
  public static boolean canResume(NashHome home, String runId) {
    Checkpoint checkpoint = Checkpoint.of(home, runId);
    return Files.isRegularFile(checkpoint.config()) && checkpoint.latest().isPresent();
  }

  /** The resolved configuration run {@code runId} started with, kept beside its checkpoints. */
  public static Path resumeConfig(NashHome home, String runId) {
    Path config = Checkpoint.of(home, runId).config();
    if (!Files.isRegularFile(config)) {
      throw new EnvironmentException(
          "no checkpoint of run "
              + runId
              + " in "
              + config.getParent()
              + "; only runs started on"
              + " this machine (or with this NASH_HOME) can be resumed");
    }
    return config;
  }

  private TrialResult execute(
      ExperimentSpec spec, Optional<String> resumeId, Optional<SweepTrial> sweep) {
    ResolvedConfig resolved = ResolvedConfig.of(spec);
    Tracker tracker = TrialSetup.create(plugins, spec.tracker(), Tracker.class);
    try (TrialSetup setup = TrialSetup.build(spec, plugins, home);
        StopSignal stop = StopSignal.install()) {
      if (sweep.isPresent() && !"false".equals(System.getenv(Executor.WATCH_INPUT))) {
        stop.watchingInput(System.in);
      }
      if (resumeId.isPresent()) {
        Checkpoint checkpoint =
            Checkpoint.of(home, resumeId.get()).keepingEvery(spec.training().keepCheckpoints());
        Map<String, String> before =
            checkpoint.latest().map(Checkpoint.State::conditions).orElse(Map.of());
        long step = checkpoint.restore(setup);
        try (TrackedRun run = tracker.reopen(resumeId.get())) {
          run.setTag("nash.resumed-from-step", Long.toString(step));
          processTags().forEach(run::setTag);
          markChangedConditions(run, step, before, setup.conditions());
          return train(spec, setup, stop, run, checkpoint, step + 1, sweep.isPresent());
        }
      }
      try (TrackedRun run = tracker.start(request(spec, resolved, sweep, setup.conditions()))) {
        Checkpoint checkpoint =
            Checkpoint.of(home, run.id()).keepingEvery(spec.training().keepCheckpoints());
        checkpoint.writeConfig(resolved.toYaml());
        run.logArtifact("config.yaml", resolved.toYaml().getBytes(UTF_8));
        return train(spec, setup, stop, run, checkpoint, 1, sweep.isPresent());
      }
    }
  }

  /**
   * A resume under other threads, another CPU or other GPUs goes on (the checkpoint is valid), but
   * its curve from {@code step} on is not the one an uninterrupted run draws: said on the console
   * and kept as a tag, so the run carries it.
   */
  private static void markChangedConditions(
      TrackedRun run, long step, Map<String, String> before, ComputeConditions now) {
    now.changesSince(before)
        .ifPresent(
            changes -> {
              log.warn(
                  "Resuming under other conditions than the checkpoint's ({}): from step {} on,"
                      + " the curve is not bit-identical to an uninterrupted run's",
                  changes,
                  step);
              run.setTag(CONDITIONS_CHANGED, "step " + step + ": " + changes);
            });
    now.tags().forEach(run::setTag);
  }

  /** The process a run lives in, so a sweep can tell a running trial from a dead one. */
  /** The tags an executor passed in {@link Executor#RUN_TAGS}: {@code KEY=VALUE,KEY=VALUE}. */
  static Map<String, String> executorTags(String pairs) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String pair : pairs.split(",")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        tags.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
    }
    return tags;
  }

  private static Map<String, String> processTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("nash.pid", Long.toString(ProcessHandle.current().pid()));
    tags.put("nash.host", Hostname.local());
    tags.putAll(executorTags(System.getenv().getOrDefault(Executor.RUN_TAGS, "")));
    return tags;
  }

  private static TrialResult train(
      ExperimentSpec spec,
      TrialSetup setup,
      StopSignal stop,
      TrackedRun run,
      Checkpoint checkpoint,
      long firstStep,
      boolean progressLines) {
    long steps = spec.training().steps();
    SampleWriter samples = new SampleWriter(setup, run);
    RunEvaluation evaluation = new RunEvaluation(setup, run);
    try (TrainingLoop.ClosingListener progress =
        progressLines
            ? new ProgressLines(System.out, steps)
            : new TrainingProgress(spec.name(), steps)) {
      progress.onStep(firstStep - 1);
      TrainingLoop.Outcome outcome =
          new TrainingLoop(
                  new ScheduledSteps(setup, spec.training().steps()),
                  spec.training(),
                  run,
                  samples,
                  evaluation::evaluate,
                  progress,
                  step -> checkpoint.save(setup, step),
                  stop::requested)
              .run(firstStep);
      if (outcome.diverged()) {
        run.setTag("nash.outcome", "diverged");
        run.setTag("nash.diverged-step", Long.toString(outcome.divergedAt()));
        run.setTag(
            "mlflow.note.content",
            "Diverged at step " + outcome.divergedAt() + ": " + outcome.lastScalars());
        return end(run, RunStatus.FAILED, "diverged", outcome.lastStep());
      }
      if (outcome.stopped()) {
        // Said here: once the stop signal is released the JVM exits, before the CLI can print.
        log.info(
            "Stopped at step {}; checkpoint saved. Continue with: nash run --resume {}",
            outcome.lastStep(),
            run.id());
        run.setTag("nash.outcome", "killed");
        run.setTag("nash.stopped-step", Long.toString(outcome.lastStep()));
        return end(run, RunStatus.KILLED, "killed", outcome.lastStep());
      }
      run.setTag("nash.outcome", "finished");
      return end(run, RunStatus.FINISHED, "finished", outcome.lastStep());
    } catch (RuntimeException e) {
      run.setTag("nash.outcome", "error");
      // MLflow renders the note as Markdown: the message, which may quote the user, as code.
      run.setTag("mlflow.note.content", "Failed:\n\n```\n" + e + "\n```");
      run.finish(RunStatus.FAILED);
      throw e;
    }
  }

  private static TrialResult end(TrackedRun run, RunStatus status, String outcome, long step) {
    run.finish(status);
    return new TrialResult(status, outcome, step, run.id(), run.url());
  }

  private RunRequest request(
      ExperimentSpec spec,
      ResolvedConfig resolved,
      Optional<SweepTrial> sweep,
      ComputeConditions conditions) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("nash.variant", spec.variant().spec().name());
    tags.put("nash.loss", spec.loss().spec().name());
    tags.put(
        "nash.dataset",
        spec.singleDataset()
            ? spec.dataset().spec().name()
            : spec.datasets().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().spec().name())
                .collect(Collectors.joining(",")));
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
    tags.putAll(processTags());
    tags.putAll(conditions.tags());
    // Which plugin code ran.
    plugins
        .jars()
        .forEach((jar, sha256) -> tags.put("nash.plugin-jar." + MlflowKeys.safe(jar), sha256));
    sweep.ifPresent(s -> tags.putAll(s.tags()));
    long seed = spec.training().seed();
    String runName = sweep.map(s -> s.runName(seed)).orElse(spec.name() + "-seed" + seed);
    String experiment = sweep.map(SweepTrial::experiment).orElse(spec.name());
    return new RunRequest(experiment, runName, resolved.flatten(), tags);
  }
}
