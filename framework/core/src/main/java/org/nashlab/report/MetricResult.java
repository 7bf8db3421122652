package org.nashlab.report;

import java.util.List;

/**
 * A report's column: one metric, reduced one way, for every group.
 *
 * @param metric the metric and its reduction
 * @param groups each group's numbers, the baseline first
 */
public record MetricResult(MetricSpec metric, List<GroupResult> groups) {
  public MetricResult {
    groups = List.copyOf(groups);
  }

  /** How the metric treats failed runs, for the reader: the same words in every output. */
  public static final String FAILURES =
      "Runs that diverged, crashed, errored or were stopped have no value and are left out of the"
          + " statistics; runs that ended collapsed keep their value (it is what the run did) and"
          + " count as failures in the success rate, as all the others do.";
}
