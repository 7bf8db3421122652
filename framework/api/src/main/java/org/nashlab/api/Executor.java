package org.nashlab.api;

import java.util.List;

/**
 * Where a sweep's trials run: each trial is one process running {@code nash trial}, which logs to
 * the same MLflow server as the sweep. An executor starts the launches, at most as many at once as
 * it allows, passes on each one's output lines, and reports each one's end; it returns when all
 * have ended.
 */
public interface Executor {
  /** The environment variable that bounds a trial's TensorFlow threads. */
  String THREADS = "NASH_THREADS";

  void execute(List<TrialLaunch> launches, Listener listener);

  /** Hears what the trials do; called from the executor's threads. */
  interface Listener {
    void started(TrialLaunch launch);

    /** One line the trial printed (its output and errors, merged). */
    void output(TrialLaunch launch, String line);

    /** The trial's process ended with {@code exitCode} (negative if it could not start). */
    void ended(TrialLaunch launch, int exitCode);
  }
}
