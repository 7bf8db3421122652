package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a tracker needs to open a run.
 *
 * @param experiment the experiment (in the tracker's sense) to log into
 * @param runName a human-readable run name
 * @param params the resolved configuration, flattened to dotted keys
 * @param tags tags set when the run is created
 */
public record RunRequest(
    String experiment, String runName, Map<String, String> params, Map<String, String> tags) {
  public RunRequest {
    requireNonNull(experiment, "experiment");
    requireNonNull(runName, "runName");
    params = Map.copyOf(params);
    tags = Map.copyOf(tags);
  }
}
