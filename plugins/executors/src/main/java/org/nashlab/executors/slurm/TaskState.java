package org.nashlab.executors.slurm;

import java.util.Set;

/**
 * One array task as the queue shows it.
 *
 * @param id the task's id, {@code ARRAYJOB_INDEX}
 * @param state Slurm's state name, such as {@code PENDING}, {@code RUNNING} or {@code CANCELLED}
 * @param reason why it waits or ended, as Slurm says it ({@code None} when there is none)
 */
record TaskState(String id, String state, String reason) {
  private static final Set<String> ALIVE =
      Set.of(
          "PENDING",
          "CONFIGURING",
          "RUNNING",
          "COMPLETING",
          "REQUEUED",
          "REQUEUE_FED",
          "REQUEUE_HOLD",
          "RESIZING",
          "SUSPENDED",
          "SIGNALING",
          "STAGE_OUT",
          "STOPPED",
          "PREEMPTED");

  /** Queued, running, or about to run again: not ended. */
  boolean alive() {
    return ALIVE.contains(state);
  }

  /** It has started on a node (and may run again after a requeue). */
  boolean started() {
    return !state.equals("PENDING") && !state.equals("CONFIGURING");
  }

  /** It ended by itself with exit code 0. */
  boolean completed() {
    return state.equals("COMPLETED");
  }
}
