package org.nashlab.report;

import java.util.Optional;
import org.nashlab.report.stats.Comparison;
import org.nashlab.report.stats.ExpectedBest;
import org.nashlab.report.stats.SuccessRate;
import org.nashlab.report.stats.Summary;

/**
 * One group's numbers for one metric.
 *
 * @param group the group
 * @param values the reduced value of each of its runs that has one, in run order
 * @param success how many of its runs succeeded, with an interval of the rate
 * @param summary the statistics of {@code values}, when there is at least one
 * @param comparison against the baseline, for every group but the baseline
 * @param budget the expected best of k trials for k = 1..n with its 95% band, when the group has
 *     two or more values
 */
public record GroupResult(
    Group group,
    double[] values,
    SuccessRate success,
    Optional<Summary> summary,
    Optional<Comparison> comparison,
    Optional<ExpectedBest> budget) {}
