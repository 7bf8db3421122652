package org.nashlab.sweep;

import java.util.Optional;
import org.nashlab.api.RunRecord;

/**
 * What a sweep finds of one trial in MLflow, and so what it does with it.
 *
 * @param trial the trial
 * @param run its latest run, if it has one
 */
record TrialState(SweepPlan.Trial trial, Optional<RunRecord> run) {
  String status() {
    return run.map(RunRecord::status).orElse("NEW");
  }

  boolean finished() {
    return status().equals("FINISHED");
  }

  boolean failed() {
    return status().equals("FAILED");
  }

  /** Diverged is a result, not a crash: the summary counts it apart. */
  boolean diverged() {
    return run.map(r -> "diverged".equals(r.tags().get("nash.outcome"))).orElse(false);
  }
}
