package org.nashlab.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial run by a sweep: logged into the sweep's experiment with the sweep's tags (the parent run,
 * the factors), named by its factors ({@link TrialName}), reporting its progress as lines on
 * standard output, and stopping politely (checkpoint, KILLED) when the sweep's process goes away,
 * which it notices as the end of its standard input.
 *
 * @param experiment the sweep's experiment
 * @param tags tags for the trial's run
 * @param factors the trial's factor keys and labels, in the sweep file's order
 */
public record SweepTrial(String experiment, Map<String, String> tags, Map<String, String> factors) {
  /** Starts the progress lines a sweep reads: {@code nash-progress STEP STEPS}. */
  public static final String PROGRESS = "nash-progress";

  public SweepTrial {
    tags = Map.copyOf(tags);
    factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
  }

  /** The run's name: its factors and {@code seed}, such as {@code loss=hinge · seed=2}. */
  public String runName(long seed) {
    return TrialName.of(factors, seed);
  }
}
