package org.nashlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.RunRecord;
import org.nashlab.report.stats.BaselineComparison;
import org.nashlab.report.stats.BootstrapSettings;
import org.nashlab.report.stats.Comparison;
import org.nashlab.report.stats.Direction;
import org.nashlab.report.stats.ExpectedBest;
import org.nashlab.report.stats.SuccessRate;
import org.nashlab.report.stats.Summary;

/** Computes a report's numbers: for each metric, each group's and each against the baseline. */
final class ReportBuilder {
  private ReportBuilder() {}

  static Report build(
      ReportSpec spec,
      Grouping.Groups groups,
      Optional<String> features,
      Map<String, RunRecord> parents,
      Map<String, String> configurations) {
    List<Group> ordered = new ArrayList<>();
    ordered.add(groups.baseline());
    groups.groups().stream().filter(g -> g != groups.baseline()).forEach(ordered::add);
    BootstrapSettings bootstrap = new BootstrapSettings(spec.resamples(), 0.95, spec.seed());
    List<MetricResult> metrics = new ArrayList<>();
    for (MetricSpec metric : spec.metrics()) {
      metrics.add(metric(metric, ordered, bootstrap));
    }
    return new Report(spec, ordered, groups.baseline(), metrics, features, parents, configurations);
  }

  private static MetricResult metric(
      MetricSpec metric, List<Group> groups, BootstrapSettings bootstrap) {
    Direction direction =
        metric.reducedHigherIsBetter() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
    List<double[]> values = groups.stream().map(g -> values(g, metric)).toList();
    double[] baseline = values.get(0);
    Map<String, double[]> compared = new java.util.LinkedHashMap<>();
    for (int i = 1; i < groups.size(); i++) {
      if (values.get(i).length > 0) {
        compared.put(groups.get(i).label(), values.get(i));
      }
    }
    Map<String, Comparison> comparisons =
        baseline.length == 0 || compared.isEmpty()
            ? Map.of()
            : BaselineComparison.of(baseline, compared, direction, bootstrap);
    List<GroupResult> results = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      double[] v = values.get(i);
      int successes = (int) group.runs().stream().filter(r -> r.failure().isEmpty()).count();
      results.add(
          new GroupResult(
              group,
              v,
              SuccessRate.of(successes, group.runs().size() - successes, 0.95),
              v.length == 0 ? Optional.empty() : Optional.of(Summary.of(v, bootstrap)),
              i == 0 ? Optional.empty() : Optional.ofNullable(comparisons.get(group.label())),
              budget(v, direction, bootstrap)));
    }
    return new MetricResult(metric, results);
  }

  /** The expected best of k trials with its band, for the budget view (Lucic et al. 2018). */
  private static Optional<ExpectedBest> budget(
      double[] values, Direction direction, BootstrapSettings bootstrap) {
    return values.length < 2
        ? Optional.empty()
        : Optional.of(ExpectedBest.of(values, values.length, direction, bootstrap));
  }

  private static double[] values(Group group, MetricSpec metric) {
    return group.runs().stream()
        .map(r -> r.value(metric))
        .filter(java.util.OptionalDouble::isPresent)
        .mapToDouble(java.util.OptionalDouble::getAsDouble)
        .toArray();
  }
}
