package org.nashlab.api;

import java.util.Map;

/**
 * A run as a tracker has it, for a sweep deciding what is left to do and a report reading it.
 *
 * @param id the tracker's id of the run
 * @param url where a person can look at it
 * @param status {@code RUNNING}, {@code FINISHED}, {@code FAILED} or {@code KILLED}
 * @param startTime when it started, in milliseconds since the epoch
 * @param tags its tags
 * @param metrics the latest value of each metric
 * @param params its parameters
 */
public record RunRecord(
    String id,
    String url,
    String status,
    long startTime,
    Map<String, String> tags,
    Map<String, Double> metrics,
    Map<String, String> params) {
  public RunRecord {
    tags = Map.copyOf(tags);
    metrics = Map.copyOf(metrics);
    params = Map.copyOf(params);
  }

  public boolean isRunning() {
    return status.equals("RUNNING");
  }

  public boolean hasStatus(RunStatus ended) {
    return status.equals(ended.name());
  }
}
