package org.nashlab.train;

import java.util.Map;

/**
 * A trial run by a sweep: logged into the sweep's experiment with the sweep's tags (the parent run,
 * the factors), reporting its progress as lines on standard output, and stopping politely
 * (checkpoint, KILLED) when the sweep's process goes away, which it notices as the end of its
 * standard input.
 *
 * @param experiment the sweep's experiment
 * @param tags tags for the trial's run
 */
public record SweepTrial(String experiment, Map<String, String> tags) {
  /** Starts the progress lines a sweep reads: {@code nash-progress STEP STEPS}. */
  public static final String PROGRESS = "nash-progress";

  public SweepTrial {
    tags = Map.copyOf(tags);
  }
}
