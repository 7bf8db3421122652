package org.nashlab.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.RunRecord;

/**
 * A computed report, ready to be written.
 *
 * @param spec what was asked for
 * @param groups the groups, in the order their runs came
 * @param baseline the group the others are compared with
 * @param metrics one result per metric column
 * @param features the feature network every run used, if any
 * @param parents each sweep's parent run
 * @param configurations each sweep's configuration as text, for the reader
 */
public record Report(
    ReportSpec spec,
    List<Group> groups,
    Group baseline,
    List<MetricResult> metrics,
    Optional<String> features,
    Map<String, RunRecord> parents,
    Map<String, String> configurations) {
  public Report {
    groups = List.copyOf(groups);
    metrics = List.copyOf(metrics);
    parents = Map.copyOf(parents);
    configurations = Map.copyOf(configurations);
  }

  /** Every run of the report, group by group. */
  public List<ReportRun> runs() {
    return groups.stream().flatMap(g -> g.runs().stream()).toList();
  }
}
