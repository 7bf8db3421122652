package org.nashlab.train;

import org.nashlab.api.RunStatus;

/**
 * How a trial ended.
 *
 * @param status the run's final status
 * @param outcome {@code finished}, {@code diverged} or {@code killed}
 * @param lastStep the last step run
 * @param runId the tracker's id of the run, for {@code nash run --resume}
 * @param url where to look at the run
 */
public record TrialResult(
    RunStatus status, String outcome, long lastStep, String runId, String url) {}
