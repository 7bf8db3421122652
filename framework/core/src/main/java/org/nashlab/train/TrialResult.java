package org.nashlab.train;

import org.nashlab.api.RunStatus;

/**
 * How a trial ended.
 *
 * @param status the run's final status
 * @param outcome {@code finished} or {@code diverged}
 * @param lastStep the last step run
 * @param url where to look at the run
 */
public record TrialResult(RunStatus status, String outcome, long lastStep, String url) {}
