package org.nashlab.api;

import java.util.List;
import java.util.Map;

/**
 * Where a sweep's trials run: each trial is one process running {@code nash trial}, which logs to
 * the same MLflow server as the sweep. An executor starts the launches, at most as many at once as
 * it allows, passes on each one's output lines, and reports each one's end; it returns when all
 * have ended.
 *
 * <p>A trial's command resumes the trial's latest unfinished run of the sweep from its checkpoint
 * when there is one, so an executor may start the same launch again (after a requeue, say): it
 * continues where it stopped, and a trial that finished already exits at once.
 */
public interface Executor {
  /** The environment variable that bounds a trial's TensorFlow threads. */
  String THREADS = "NASH_THREADS";

  /**
   * The environment variable that, set to {@code false}, keeps a trial from stopping when its
   * standard input ends. The local executor keeps each trial's input open while the sweep lives, so
   * a killed sweep stops its trials; an executor whose trials outlive the sweep's process (a batch
   * scheduler's) sets it.
   */
  String WATCH_INPUT = "NASH_WATCH_INPUT";

  /**
   * The environment variable through which an executor tags a trial's run with where it runs:
   * {@code KEY=VALUE} pairs separated by commas (values without commas), such as a scheduler's job
   * id, so that {@link #isRunning} can later find it. The trial sets them on its run, again when it
   * resumes.
   */
  String RUN_TAGS = "NASH_RUN_TAGS";

  void execute(List<TrialLaunch> launches, Listener listener);

  /**
   * Runs the launches of sweep {@code sweep}; executors that keep state per sweep (a scheduler's
   * job ids) override this one. By default, {@link #execute(List, Listener)}.
   */
  default void execute(String sweep, List<TrialLaunch> launches, Listener listener) {
    execute(launches, listener);
  }

  /**
   * Whether the trial whose run has {@code runTags} is still alive where this executor ran it,
   * though its process is not on this machine (queued or running on a cluster). The sweep then
   * leaves the run alone instead of marking it killed. By default, false.
   */
  default boolean isRunning(Map<String, String> runTags) {
    return false;
  }

  /**
   * Whether {@link #submit} can hand trials to a scheduler that runs them without the sweep's
   * process ({@code nash sweep --detach}). By default, false.
   */
  default boolean canDetach() {
    return false;
  }

  /**
   * Hands the launches of sweep {@code sweep} to the scheduler and returns at once; running the
   * sweep again follows them; {@code listener} hears only {@link Listener#artifact}. Only called
   * when {@link #canDetach()}.
   */
  default void submit(String sweep, List<TrialLaunch> launches, Listener listener) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot detach");
  }

  /**
   * Cancels the trials of sweep {@code sweep} still queued or running where this executor put them
   * ({@code nash sweep --cancel}); returns how many. By default, none.
   */
  default int cancel(String sweep) {
    return 0;
  }

  /** Hears what the trials do; called from the executor's threads. */
  interface Listener {
    void started(TrialLaunch launch);

    /** One line the trial printed (its output and errors, merged). */
    void output(TrialLaunch launch, String line);

    /** The trial's process ended with {@code exitCode} (negative if it could not start). */
    void ended(TrialLaunch launch, int exitCode);

    /**
     * The trial ended, with tags that say how for its run (such as a scheduler's job id and final
     * state). By default, {@link #ended(TrialLaunch, int)} without them.
     */
    default void ended(TrialLaunch launch, int exitCode, Map<String, String> tags) {
      ended(launch, exitCode);
    }

    /**
     * A file the executor made for the sweep (such as the batch script it submitted), to keep with
     * the sweep's parent run under {@code executor/}. By default, dropped.
     */
    default void artifact(String path, byte[] content) {}
  }
}
