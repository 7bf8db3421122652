package org.nashlab.executors.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nashlab.api.Executor;
import org.nashlab.api.TrialLaunch;
import org.nashlab.executors.SlurmExecutor;

/**
 * One sweep's trials on Slurm: submits them as a job array, or follows the tasks an earlier run of
 * the sweep submitted that are still alive, passes on each task's log lines as they grow, and
 * reports each end with its job id and state; a task that did not complete is submitted again, up
 * to {@code retries} times.
 *
 * <pre>{@code
 * new SlurmSweep(params, "quickstart").run(launches, listener);
 * }</pre>
 */
public final class SlurmSweep {
  /** The run tags with the task's id and how it ended. */
  static final String JOB_ID = "nash.slurm.job-id";

  static final String RESTARTS = "nash.slurm.restarts";

  static final String STATE = "nash.slurm.state";
  static final String REASON = "nash.slurm.reason";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final SlurmExecutor.Params params;
  private final String sweep;
  private final Path logDir;

  public SlurmSweep(SlurmExecutor.Params params, String sweep) {
    this.params = params;
    this.sweep = sweep;
    this.logDir = logDir(params, sweep);
  }

  /** Whether the task a run's tags name is still queued or running. */
  public static boolean isAlive(Map<String, String> runTags) {
    String id = runTags.get(JOB_ID);
    return id != null && SlurmCommands.tasks(List.of(id)).stream().anyMatch(TaskState::alive);
  }

  /** One launch's current task. */
  private static final class Attempt {
    final TrialLaunch launch;
    final String id;
    final TaskLog log;
    final int tries;
    boolean started;

    Attempt(TrialLaunch launch, String id, TaskLog log, int tries) {
      this.launch = launch;
      this.id = id;
      this.log = log;
      this.tries = tries;
    }
  }

  /** Submits the launches that have no live task yet, and returns. */
  public void submit(List<TrialLaunch> launches, Executor.Listener listener) {
    TrackingReach.require(System.getenv());
    Submissions submissions = Submissions.in(createLogDir());
    Map<String, Attempt> active = new LinkedHashMap<>();
    submit(unsubmitted(launches, submissions, active), 0, submissions, active, listener);
  }

  /** Cancels the sweep's live tasks; returns how many. */
  public int cancel() {
    Submissions submissions = Submissions.in(createLogDir());
    List<String> alive =
        SlurmCommands.tasks(submissions.tasks()).stream()
            .filter(TaskState::alive)
            .map(TaskState::id)
            .toList();
    SlurmCommands.cancel(alive);
    return alive.size();
  }

  /** Runs the launches to their end. */
  public void run(List<TrialLaunch> launches, Executor.Listener listener) {
    TrackingReach.require(System.getenv());
    Submissions submissions = Submissions.in(createLogDir());
    Map<String, Attempt> active = new LinkedHashMap<>();
    List<TrialLaunch> toSubmit = unsubmitted(launches, submissions, active);
    active
        .values()
        .forEach(
            a ->
                listener.output(
                    a.launch, "nash-slurm: following task " + a.id + ", submitted before"));
    submit(toSubmit, 0, submissions, active, listener);
    while (!active.isEmpty()) {
      pause();
      Map<String, TaskState> queue =
          SlurmCommands.tasks(active.keySet()).stream()
              .collect(Collectors.toMap(TaskState::id, Function.identity(), (a, b) -> b));
      List<Attempt> again = new ArrayList<>();
      for (var it = active.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        Attempt attempt = entry.getValue();
        TaskState now = queue.get(entry.getKey());
        if (now != null && now.alive()) {
          if (now.started() && !attempt.started) {
            attempt.started = true;
            listener.started(attempt.launch);
          }
          attempt.log.newLines().forEach(line -> listener.output(attempt.launch, line));
          continue;
        }
        it.remove();
        finish(entry.getKey(), now, attempt, listener).ifPresent(again::add);
      }
      if (!again.isEmpty()) {
        for (Attempt attempt : again) {
          submit(List.of(attempt.launch), attempt.tries + 1, submissions, active, listener);
        }
      }
    }
  }

  /**
   * The launches without a live task of an earlier submission; those with one are put in {@code
   * active}, to be followed.
   */
  private List<TrialLaunch> unsubmitted(
      List<TrialLaunch> launches, Submissions submissions, Map<String, Attempt> active) {
    Map<String, TaskState> earlier =
        SlurmCommands.tasks(
                launches.stream()
                    .map(l -> submissions.task(l.key()))
                    .flatMap(Optional::stream)
                    .toList())
            .stream()
            .collect(Collectors.toMap(TaskState::id, Function.identity(), (a, b) -> b));
    List<TrialLaunch> fresh = new ArrayList<>();
    for (TrialLaunch launch : launches) {
      Optional<TaskState> alive =
          submissions.task(launch.key()).map(earlier::get).filter(TaskState::alive);
      if (alive.isPresent()) {
        String id = alive.get().id();
        active.put(id, new Attempt(launch, id, new TaskLog(taskLog(id)), 0));
      } else {
        fresh.add(launch);
      }
    }
    return fresh;
  }

  /**
   * Reports a task's end, or returns the attempt to run again when it did not complete and has
   * retries left.
   */
  private Optional<Attempt> finish(
      String id, TaskState seen, Attempt attempt, Executor.Listener listener) {
    Optional<SlurmCommands.Ended> ended = SlurmCommands.ended(id);
    TaskState state =
        ended
            .map(SlurmCommands.Ended::state)
            .orElse(seen == null ? new TaskState(id, "UNKNOWN", "None") : seen);
    int exitCode = ended.map(SlurmCommands.Ended::exitCode).orElse(-1);
    attempt.log.rest().forEach(line -> listener.output(attempt.launch, line));
    if (!attempt.started) {
      listener.started(attempt.launch);
    }
    String how = state.state() + (state.reason().equals("None") ? "" : " (" + state.reason() + ")");
    if (!state.completed() && attempt.tries < params.retries()) {
      listener.output(
          attempt.launch,
          "nash-slurm: task "
              + id
              + " ended "
              + how
              + ", exit "
              + exitCode
              + "; running it again ("
              + (attempt.tries + 1)
              + " of "
              + params.retries()
              + ")");
      return Optional.of(attempt);
    }
    listener.ended(
        attempt.launch,
        state.completed() ? exitCode : exitCode == 0 ? 1 : exitCode,
        Map.of(JOB_ID, id, STATE, state.state(), REASON, state.reason()));
    return Optional.empty();
  }

  /** Submits {@code launches} as one array; each task is then followed in {@code active}. */
  private void submit(
      List<TrialLaunch> launches,
      int tries,
      Submissions submissions,
      Map<String, Attempt> active,
      Executor.Listener listener) {
    if (launches.isEmpty()) {
      return;
    }
    Path script =
        logDir.resolve("array-" + LocalDateTime.now().format(STAMP) + "-" + active.size() + ".sh");
    try {
      Files.writeString(script, ArrayScript.of(params, sweep, launches, logDir.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the array script " + script, e);
    }
    String array = SlurmCommands.submit(script);
    try {
      listener.artifact("slurm/" + array + ".sh", Files.readAllBytes(script));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the array script " + script, e);
    }
    for (int i = 0; i < launches.size(); i++) {
      String id = array + "_" + i;
      submissions.record(launches.get(i).key(), id);
      active.put(id, new Attempt(launches.get(i), id, new TaskLog(taskLog(id)), tries));
    }
  }

  private Path taskLog(String id) {
    return logDir.resolve(id + ".log");
  }

  private void pause() {
    try {
      Thread.sleep(params.pollSeconds() * 1000L);
    } catch (InterruptedException e) {
      // The sweep is stopping; its tasks go on in Slurm, and the sweep run again follows them.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while following the sweep's Slurm tasks", e);
    }
  }

  private Path createLogDir() {
    try {
      return Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Slurm log folder " + logDir, e);
    }
  }

  private static Path logDir(SlurmExecutor.Params params, String sweep) {
    Path root =
        params.logDir().isEmpty()
            ? Path.of(
                    System.getenv()
                        .getOrDefault(
                            "NASH_HOME",
                            Path.of(System.getProperty("user.home"), ".nash").toString()))
                .resolve("slurm")
            : Path.of(params.logDir());
    return root.resolve(sweep).toAbsolutePath();
  }
}
