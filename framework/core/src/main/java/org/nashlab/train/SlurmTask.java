package org.nashlab.train;

import java.util.Map;
import java.util.Optional;

/**
 * The Slurm array task a trial runs in, from the variables Slurm sets in it, so that its run says
 * which job it was and a sweep can ask the cluster whether that job still lives.
 *
 * @param jobId the task's id as {@code squeue} and {@code scancel} take it, {@code ARRAYJOB_INDEX}
 * @param restarts how often Slurm started the task again (a requeue or preemption), 0 at first
 */
record SlurmTask(String jobId, int restarts) {
  static final String JOB_ID = "nash.slurm.job-id";
  static final String RESTARTS = "nash.slurm.restarts";

  static Optional<SlurmTask> fromEnvironment(Map<String, String> env) {
    String array = env.get("SLURM_ARRAY_JOB_ID");
    String index = env.get("SLURM_ARRAY_TASK_ID");
    if (array == null || index == null) {
      return Optional.empty();
    }
    String restarts = env.getOrDefault("SLURM_RESTART_COUNT", "0");
    return Optional.of(
        new SlurmTask(
            array + "_" + index, restarts.matches("\\d+") ? Integer.parseInt(restarts) : 0));
  }

  Map<String, String> tags() {
    return Map.of(JOB_ID, jobId, RESTARTS, Integer.toString(restarts));
  }
}
