package org.nashlab.report.stats;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * One group against the baseline on one metric; {@link BaselineComparison#of} makes them.
 *
 * @param difference the group's mean minus the baseline's, with bootstrap intervals (each group
 *     resampled independently)
 * @param probabilityOfImprovement P(a run of the group is better than a run of the baseline), ties
 *     counting half: the Mann-Whitney U statistic over n_x n_y, as rliable's
 *     probability_of_improvement, oriented by the metric's {@link Direction}; with bootstrap
 *     intervals
 * @param welchP Welch's t-test, two-sided
 * @param welchPHolm Welch's p-value after Holm's correction across the groups compared with the
 *     baseline; this one drives the verdict
 * @param mannWhitneyP the Mann-Whitney U test, two-sided
 * @param mannWhitneyPHolm the Mann-Whitney p-value after Holm's correction across the groups
 * @param runsPerGroupNeeded runs per group that would detect a difference of the observed size
 *     (alpha = 1 - confidence, power 0.8); empty when the means are equal or a group has fewer than
 *     two runs
 * @param verdict the row in plain words, e.g. "better than baseline (p_holm = 0.012)"
 */
public record Comparison(
    Estimate difference,
    Estimate probabilityOfImprovement,
    double welchP,
    double welchPHolm,
    double mannWhitneyP,
    double mannWhitneyPHolm,
    OptionalInt runsPerGroupNeeded,
    String verdict) {
  public Comparison {
    requireNonNull(difference, "difference");
    requireNonNull(probabilityOfImprovement, "probabilityOfImprovement");
    requireNonNull(runsPerGroupNeeded, "runsPerGroupNeeded");
    requireNonNull(verdict, "verdict");
  }
}
