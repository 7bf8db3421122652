package org.nashlab.api;

/** Where runs are logged. */
public interface Tracker {
  /**
   * Creates a run and returns the handle to log into; call {@link TrackedRun#close()} at the end.
   */
  TrackedRun start(RunRequest request);

  /**
   * Reopens a run this tracker created, to log the rest of a resumed trial into it.
   *
   * @throws EnvironmentException if the run does not exist or the tracker cannot reopen runs
   */
  default TrackedRun reopen(String runId) {
    throw new EnvironmentException(
        getClass().getSimpleName() + " cannot reopen runs; run " + runId + " cannot be resumed");
  }

  /**
   * Run {@code runId} as the tracker has it.
   *
   * @throws EnvironmentException if the run does not exist or the tracker cannot read runs
   */
  default RunRecord run(String runId) {
    throw new EnvironmentException(getClass().getSimpleName() + " cannot read runs");
  }

  /**
   * The runs of {@code experiment} that carry every one of {@code tags}, oldest first; none if the
   * experiment does not exist.
   *
   * @throws EnvironmentException if the tracker cannot search runs
   */
  default java.util.List<RunRecord> find(String experiment, java.util.Map<String, String> tags) {
    throw new EnvironmentException(getClass().getSimpleName() + " cannot search runs");
  }

  /**
   * The runs of {@code experiment} that match {@code filter}, in the tracker's own search syntax
   * (MLflow's: {@code tags.`nash.collapsed` = 'false' and params.`loss.name` = 'hinge'}), oldest
   * first; none if the experiment does not exist.
   *
   * @throws IllegalArgumentException if the tracker refuses the filter
   * @throws EnvironmentException if the tracker cannot search runs
   */
  default java.util.List<RunRecord> search(String experiment, String filter) {
    throw new EnvironmentException(getClass().getSimpleName() + " cannot search runs by filter");
  }

  /**
   * Every value run {@code runId} logged for {@code key}, by step (a step logged twice, as after a
   * resume from an earlier checkpoint, appears twice); empty if it logged none.
   *
   * @throws EnvironmentException if the tracker cannot read runs back
   */
  default java.util.List<MetricPoint> history(String runId, String key) {
    throw new EnvironmentException(getClass().getSimpleName() + " cannot read metric histories");
  }
}
