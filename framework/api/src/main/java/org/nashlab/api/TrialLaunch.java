package org.nashlab.api;

import java.util.List;
import java.util.Map;

/**
 * One trial process to start.
 *
 * @param key the trial's key, unique within the sweep
 * @param command the command line, {@code java ... nash trial ...}
 * @param environment variables to add to the executor's environment
 */
public record TrialLaunch(String key, List<String> command, Map<String, String> environment) {
  public TrialLaunch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}
