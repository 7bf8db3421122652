package org.nashlab.sweep;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nashlab.api.Executor;
import org.nashlab.api.NashException;
import org.nashlab.api.RunRecord;
import org.nashlab.api.RunRequest;
import org.nashlab.api.RunStatus;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.Tracker;
import org.nashlab.api.TrialLaunch;
import org.nashlab.config.NashHome;
import org.nashlab.config.PluginChoice;
import org.nashlab.config.Secrets;
import org.nashlab.plugin.PluginRegistry;
import org.nashlab.report.Escaping;
import org.nashlab.report.ReportRunner;
import org.nashlab.report.ReportSpec;
import org.nashlab.train.Hostname;
import org.nashlab.train.SweepTrial;
import org.nashlab.train.TrialName;
import org.nashlab.train.TrialRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep: one MLflow experiment named after it, one parent run, each trial a child run
 * started by {@code nash trial} in its own process on the sweep's executor. Running a sweep again
 * resumes it: trials found FINISHED (by key) are skipped, FAILED ones kept unless asked to retry,
 * RUNNING runs whose process is gone are marked KILLED, and unfinished trials continue from their
 * last checkpoint.
 */
public final class SweepRunner {
  private static final Logger log = LoggerFactory.getLogger(SweepRunner.class);
  static final String SWEEP = "nash.sweep";
  static final String ROLE = "nash.sweep-role";
  static final String KEY = "nash.trial-key";
  private static final Duration WAIT_FOR_LIVE_TRIAL = Duration.ofMinutes(3);

  private final PluginRegistry plugins;
  private final NashHome home;
  private final List<String> nashCommand;
  private final PrintWriter out;

  /**
   * @param nashCommand how to start Nash in a new process, such as {@code java -cp ... Nash}
   * @param out where the progress and the summary go
   */
  public SweepRunner(
      PluginRegistry plugins, NashHome home, List<String> nashCommand, PrintWriter out) {
    this.plugins = plugins;
    this.home = home;
    this.nashCommand = List.copyOf(nashCommand);
    this.out = out;
  }

  /**
   * What a sweep ended with.
   *
   * @param missingMetric set when the summary's metric was logged by no finished trial
   * @param trialMetrics the latest metrics of each trial's run
   */
  public record Result(
      int finished,
      int failed,
      Optional<String> missingMetric,
      String parentUrl,
      List<Map<String, Double>> trialMetrics) {}

  /** Runs what is left of the sweep; with {@code retryFailed}, only its failed trials. */
  public Result run(SweepPlan plan, boolean retryFailed) {
    return run(plan, retryFailed, false).orElseThrow();
  }

  /**
   * Hands what is left of the sweep to its executor's scheduler and returns ({@code nash sweep
   * --detach}); the parent run stays running, and running the sweep again follows the trials.
   *
   * @throws IllegalArgumentException if the sweep's executor cannot run trials without this process
   */
  public void detach(SweepPlan plan) {
    if (!executor(plan.sweep().executor()).canDetach()) {
      throw new IllegalArgumentException(
          "executor '"
              + plan.sweep().executor().spec().name()
              + "' runs trials only while nash sweep runs; --detach needs a scheduler's (slurm)");
    }
    run(plan, false, true);
  }

  /**
   * Cancels the sweep's trials its executor still has queued or running ({@code nash sweep
   * --cancel}); they stop with a checkpoint, and running the sweep again resumes them.
   *
   * @return how many were cancelled
   */
  public int cancel(SweepPlan plan) {
    return executor(plan.sweep().executor()).cancel(plan.sweep().name());
  }

  private Optional<Result> run(SweepPlan plan, boolean retryFailed, boolean detach) {
    String name = plan.sweep().name();
    Tracker tracker =
        plugins.create(
            plan.trials().get(0).spec().tracker().spec(),
            plan.trials().get(0).spec().tracker().params(),
            Tracker.class);
    List<RunRecord> existing = tracker.find(name, Map.of(SWEEP, name));
    Executor executor = executor(plan.sweep().executor());
    try (TrackedRun parent = parent(tracker, plan, existing)) {
      List<TrialState> states = states(plan, existing, parent.id());
      List<TrialState> todo = new ArrayList<>();
      for (TrialState state : states) {
        boolean wanted = retryFailed ? state.failed() : !state.finished() && !state.failed();
        if (wanted) {
          todo.add(endIfDead(tracker, plan, state, parent.id(), executor));
        }
      }
      out.printf(
          "Sweep %s: %d trials; %d finished, %d failed before; running %d.%n",
          name,
          states.size(),
          states.stream().filter(TrialState::finished).count(),
          states.stream().filter(TrialState::failed).count(),
          todo.size());
      out.println("Parent run: " + parent.url());
      out.flush();
      Path logs = home.root().resolve("sweeps").resolve(name);
      List<TrialLaunch> launches = new ArrayList<>();
      Map<String, TrialState> byKey = new ConcurrentHashMap<>();
      for (TrialState state : todo) {
        launches.add(launch(plan, state, parent.id(), retryFailed));
        byKey.put(state.trial().key(), state);
      }
      if (detach) {
        executor.submit(
            name,
            launches,
            new Executor.Listener() {
              @Override
              public void started(TrialLaunch launch) {}

              @Override
              public void output(TrialLaunch launch, String line) {}

              @Override
              public void ended(TrialLaunch launch, int exitCode) {}

              @Override
              public void artifact(String path, byte[] content) {
                parent.logArtifact("executor/" + path, content);
              }
            });
        parent.detach();
        return Optional.empty();
      }
      try (SweepProgress progress = new SweepProgress(out, states.size(), todo.size())) {
        executor.execute(
            name,
            launches,
            new Executor.Listener() {
              @Override
              public void started(TrialLaunch launch) {
                progress.started(launch.key());
              }

              @Override
              public void output(TrialLaunch launch, String line) {
                if (line.startsWith(SweepTrial.PROGRESS + " ")) {
                  progress.step(launch.key(), line);
                } else {
                  appendLog(logs, launch.key(), line);
                }
              }

              @Override
              public void ended(TrialLaunch launch, int exitCode) {
                ended(launch, exitCode, Map.of());
              }

              @Override
              public void artifact(String path, byte[] content) {
                synchronized (SweepRunner.this) {
                  parent.logArtifact("executor/" + path, content);
                }
              }

              @Override
              public void ended(TrialLaunch launch, int exitCode, Map<String, String> tags) {
                TrialState state = byKey.get(launch.key());
                boolean ok = false;
                // One trial at a time talks to the tracker from here (its local server
                // start-up is guarded by a file lock, which one JVM must not take twice).
                synchronized (SweepRunner.this) {
                  try {
                    ok = settle(tracker, plan, state, parent.id(), logs, exitCode, tags);
                  } catch (RuntimeException e) {
                    log.error("Could not record the end of trial {}", launch.key(), e);
                  }
                }
                progress.ended(launch.key(), ok);
              }
            });
      }
      List<TrialState> end = states(plan, tracker.find(name, Map.of(SWEEP, name)), parent.id());
      SweepSummary summary = new SweepSummary(plan.sweep(), end);
      String table = summary.table();
      out.println();
      out.println(table);
      out.println("Parent run: " + parent.url());
      end.forEach(state -> resumedUnderOtherConditions(state).ifPresent(out::println));
      Optional<String> missingMetric = summary.missingMetric();
      missingMetric.ifPresent(out::println);
      parent.logArtifact(
          "summary.md",
          Escaping.html(table + missingMetric.map(m -> "\n" + m + "\n").orElse(""))
              .getBytes(UTF_8));
      int finished = (int) end.stream().filter(TrialState::finished).count();
      int failed = end.size() - finished;
      plan.sweep().report().ifPresent(report -> writeReport(plan, report, parent));
      parent.setTag("nash.trials-finished", Integer.toString(finished));
      parent.setTag("nash.trials-failed", Integer.toString(failed));
      parent.finish(RunStatus.FINISHED);
      return Optional.of(
          new Result(
              finished,
              failed,
              missingMetric,
              parent.url(),
              end.stream().map(t -> t.run().map(RunRecord::metrics).orElse(Map.of())).toList()));
    }
  }

  /**
   * A trial resumed under other threads, CPU or GPUs than it started with: its curve from then on
   * is not the one an uninterrupted run draws, which the user must see beside the summary.
   */
  private static Optional<String> resumedUnderOtherConditions(TrialState state) {
    return state
        .run()
        .map(run -> run.tags().get(TrialRunner.CONDITIONS_CHANGED))
        .map(
            changes ->
                "Trial "
                    + state.trial().key()
                    + " was resumed under other conditions ("
                    + changes
                    + "): from there on its curve is not bit-identical to an uninterrupted run's.");
  }

  /**
   * The sweep's report, from the runs of the sweep's own tracker, attached to its parent run. A
   * report that cannot be made (a baseline no group matches) is said and does not fail the sweep:
   * its runs are all there, and {@code nash report} makes it again.
   */
  private void writeReport(SweepPlan plan, ReportSpec report, TrackedRun parent) {
    try {
      Path page =
          new ReportRunner(plugins)
              .run(
                  report.withTracker(plan.trials().get(0).spec().tracker()),
                  parent,
                  factorLabels(plan),
                  Secrets.maskedYaml(plan.sweep().text()));
      out.println("Report: " + page.toAbsolutePath().normalize());
    } catch (NashException e) {
      out.println("The report was not written: " + e.getMessage());
    }
  }

  /** Each trial's key with its factors' labels, as its tags are written. */
  private static Map<String, Map<String, String>> factorLabels(SweepPlan plan) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (SweepPlan.Trial trial : plan.trials()) {
      Map<String, String> factors = new LinkedHashMap<>();
      trial.plan().factors().forEach((k, v) -> factors.put(k, FactorValues.label(k, v)));
      labels.put(trial.key(), factors);
    }
    return labels;
  }

  private Executor executor(PluginChoice choice) {
    return plugins.create(choice.spec(), choice.params(), Executor.class);
  }

  /** The sweep's parent run: the one found, reopened, or a new one with the sweep's files. */
  private TrackedRun parent(Tracker tracker, SweepPlan plan, List<RunRecord> existing) {
    Optional<RunRecord> found =
        existing.stream().filter(r -> "parent".equals(r.tags().get(ROLE))).reduce((a, b) -> b);
    if (found.isPresent()) {
      return tracker.reopen(found.get().id());
    }
    SweepSpec sweep = plan.sweep();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("sweep.trials", Integer.toString(plan.trials().size()));
    params.put("sweep.experiment", sweep.experiment().getFileName().toString());
    params.put("sweep.seeds", sweep.seeds().toString());
    sweep.grid().forEach((k, v) -> params.put("grid." + k, Secrets.shown(k, FactorValues.yaml(v))));
    sweep.random().forEach((k, v) -> params.put("random." + k, Secrets.shown(k, v.toString())));
    TrackedRun run =
        tracker.start(
            new RunRequest(
                sweep.name(),
                sweep.name(),
                params,
                Map.of(SWEEP, sweep.name(), ROLE, "parent", "mlflow.source.type", "LOCAL")));
    run.logArtifact("sweep.yaml", Secrets.maskedYaml(sweep.text()).getBytes(UTF_8));
    run.logArtifact("trials.csv", SweepTable.csv(plan).getBytes(UTF_8));
    return run;
  }

  /** Each trial with its latest child run under {@code parentId}. */
  private static List<TrialState> states(SweepPlan plan, List<RunRecord> runs, String parentId) {
    Map<String, RunRecord> latest = new LinkedHashMap<>();
    for (RunRecord run : runs) {
      if (parentId.equals(run.tags().get("mlflow.parentRunId")) && run.tags().containsKey(KEY)) {
        latest.put(run.tags().get(KEY), run);
      }
    }
    return plan.trials().stream()
        .map(t -> new TrialState(t, Optional.ofNullable(latest.get(t.key()))))
        .toList();
  }

  /**
   * A RUNNING trial whose process is gone is marked KILLED. One still alive on this machine (a
   * trial of a killed sweep, stopping) is given time to end first.
   */
  private TrialState endIfDead(
      Tracker tracker, SweepPlan plan, TrialState state, String parentId, Executor executor) {
    if (state.run().isEmpty() || !state.run().get().isRunning()) {
      return state;
    }
    RunRecord run = state.run().get();
    if (executor.isRunning(run.tags())) {
      // Queued or running on a cluster: the executor follows it instead of starting it again.
      return state;
    }
    Optional<ProcessHandle> process = liveProcess(run);
    if (process.isPresent()) {
      out.printf(
          "Waiting for trial %s (pid %d) to stop...%n", state.trial().key(), process.get().pid());
      out.flush();
      try {
        process
            .get()
            .onExit()
            .get(WAIT_FOR_LIVE_TRIAL.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(
            "trial "
                + state.trial().key()
                + " (pid "
                + process.get().pid()
                + ") is still running;"
                + " is another nash sweep running this sweep?",
            e);
      }
      return new TrialState(state.trial(), current(tracker, plan, state.trial().key(), parentId));
    }
    try (TrackedRun reopened = tracker.reopen(run.id())) {
      reopened.setTag("nash.outcome", "killed");
      reopened.setTag("mlflow.note.content", "Its process was gone when the sweep resumed.");
      reopened.finish(RunStatus.KILLED);
    }
    log.info(
        "Trial {}: run {} was RUNNING without a process; marked KILLED",
        state.trial().key(),
        run.id());
    return new TrialState(state.trial(), current(tracker, plan, state.trial().key(), parentId));
  }

  private static Optional<ProcessHandle> liveProcess(RunRecord run) {
    String pid = run.tags().get("nash.pid");
    if (pid == null || !Hostname.local().equals(run.tags().get("nash.host"))) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
  }

  /** The latest run of trial {@code key} under the parent, as MLflow has it now. */
  private static Optional<RunRecord> current(
      Tracker tracker, SweepPlan plan, String key, String parentId) {
    String name = plan.sweep().name();
    return tracker.find(name, Map.of(SWEEP, name, KEY, key)).stream()
        .filter(r -> parentId.equals(r.tags().get("mlflow.parentRunId")))
        .reduce((a, b) -> b);
  }

  /** The trial's factors as the sweep shows them (tags, run names), in the sweep file's order. */
  private static Map<String, String> labels(TrialPlan trial) {
    Map<String, String> labels = new LinkedHashMap<>();
    trial.factors().forEach((key, value) -> labels.put(key, FactorValues.label(key, value)));
    return labels;
  }

  private TrialLaunch launch(SweepPlan plan, TrialState state, String parentId, boolean fresh) {
    SweepPlan.Trial trial = state.trial();
    List<String> command = new ArrayList<>(nashCommand);
    command.addAll(List.of("trial", "--sweep", plan.sweep().name(), "--parent", parentId));
    labels(trial.plan())
        .forEach((key, label) -> command.addAll(List.of("--factor", key + "=" + label)));
    // The trial finds its own run to continue: a launch started again (a requeued task) resumes.
    if (!fresh) {
      command.add("--resume-latest");
    }
    command.add(plan.sweep().experiment().toString());
    command.addAll(trial.plan().overrides());
    return new TrialLaunch(trial.key(), command, Map.of());
  }

  /**
   * After a trial's process ended: a run left RUNNING (the process crashed) becomes FAILED, a trial
   * that never got a run (it failed before training) gets a FAILED one, and every trial that did
   * not finish gets its log attached and the tags the executor gave its end. Returns whether the
   * trial finished.
   */
  private boolean settle(
      Tracker tracker,
      SweepPlan plan,
      TrialState before,
      String parentId,
      Path logs,
      int exitCode,
      Map<String, String> endTags) {
    String name = plan.sweep().name();
    Optional<RunRecord> run = current(tracker, plan, before.trial().key(), parentId);
    if (run.isPresent() && run.get().hasStatus(RunStatus.FINISHED)) {
      return true;
    }
    byte[] log = readLog(logs, before.trial().key());
    if (run.isEmpty()) {
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put(SWEEP, name);
      tags.put(KEY, before.trial().key());
      tags.put("mlflow.parentRunId", parentId);
      tags.put("nash.seed", Long.toString(before.trial().plan().seed()));
      tags.put("nash.outcome", "error");
      tags.putAll(endTags);
      Map<String, String> labels = labels(before.trial().plan());
      tags.putAll(labels);
      String runName = TrialName.of(labels, before.trial().plan().seed());
      try (TrackedRun failed = tracker.start(new RunRequest(name, runName, Map.of(), tags))) {
        failed.setTag(
            "mlflow.note.content",
            "The trial failed before training (exit " + exitCode + "); see trial.log.");
        failed.logArtifact("trial.log", log);
        failed.finish(RunStatus.FAILED);
      }
      return false;
    }
    try (TrackedRun ended = tracker.reopen(run.get().id())) {
      // How the executor saw it end (a scheduler's job id and state), beside the run's own tags.
      endTags.forEach(ended::setTag);
      RunStatus status = RunStatus.FAILED;
      if (run.get().isRunning()) {
        ended.setTag("nash.outcome", "crashed");
        ended.setTag("nash.exit-code", Integer.toString(exitCode));
      } else {
        status = RunStatus.valueOf(run.get().status());
      }
      ended.logArtifact("trial.log", log);
      ended.finish(status);
    }
    return false;
  }

  private static void appendLog(Path logs, String key, String line) {
    try {
      Files.createDirectories(logs);
      Files.writeString(
          logs.resolve(key + ".log"),
          Secrets.maskedLine(line) + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trial log in " + logs, e);
    }
  }

  private static byte[] readLog(Path logs, String key) {
    try {
      Path file = logs.resolve(key + ".log");
      return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trial log in " + logs, e);
    }
  }
}
