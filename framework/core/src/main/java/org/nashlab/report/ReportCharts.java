package org.nashlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashlab.report.stats.Comparison;

/**
 * Which charts a report has and their file names: per metric column an interval plot against the
 * baseline, a performance profile and the budget curve; per metric key the curves with their bands;
 * and one success chart.
 */
final class ReportCharts {
  private ReportCharts() {}

  /** Saves every chart; returns each chart's name with its PNG as a {@code data:} URI. */
  static Map<String, String> save(Report report, ChartFiles files) {
    Map<String, String> images = new LinkedHashMap<>();
    for (int i = 0; i < report.metrics().size(); i++) {
      MetricResult metric = report.metrics().get(i);
      List<String> names = namesFor(report, metric);
      intervals(metric).ifPresent(c -> images.put(names.get(0), files.save(c, names.get(0))));
      Map<Group, double[]> values = new LinkedHashMap<>();
      metric.groups().forEach(g -> values.put(g.group(), g.values()));
      images.put(names.get(1), files.save(Charts.profile(metric.metric(), values), names.get(1)));
      Map<Group, org.nashlab.report.stats.ExpectedBest> budgets = new LinkedHashMap<>();
      metric.groups().forEach(g -> g.budget().ifPresent(b -> budgets.put(g.group(), b)));
      if (!budgets.isEmpty()) {
        images.put(names.get(2), files.save(Charts.budget(metric.metric(), budgets), names.get(2)));
      }
    }
    List<String> shared = sharedNames(report);
    List<String> keys = keys(report);
    for (int k = 0; k < keys.size(); k++) {
      images.put(
          shared.get(k), files.save(Charts.curves(keys.get(k), report.groups()), shared.get(k)));
    }
    images.put(
        shared.get(shared.size() - 1),
        files.save(Charts.successes(report.groups()), shared.get(shared.size() - 1)));
    return images;
  }

  /** The interval plot, profile and budget chart of one metric column, by file name. */
  static List<String> namesFor(Report report, MetricResult metric) {
    String stem = "metric-" + (report.metrics().indexOf(metric) + 1);
    return List.of(stem + "-vs-baseline", stem + "-profile", stem + "-budget");
  }

  /** The curve charts, one per metric key, then the success chart. */
  static List<String> sharedNames(Report report) {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < keys(report).size(); k++) {
      names.add("curves-" + (k + 1));
    }
    names.add("success");
    return names;
  }

  private static List<String> keys(Report report) {
    Set<String> keys = new LinkedHashSet<>();
    report.spec().metrics().forEach(m -> keys.add(m.key()));
    return List.copyOf(keys);
  }

  private static java.util.Optional<org.knowm.xchart.XYChart> intervals(MetricResult metric) {
    List<String> labels = new ArrayList<>();
    List<double[]> ends = new ArrayList<>();
    for (GroupResult g : metric.groups()) {
      if (g.comparison().isPresent()) {
        Comparison c = g.comparison().get();
        labels.add(g.group().label());
        ends.add(
            new double[] {
              c.difference().value(), c.difference().bca().low(), c.difference().bca().high()
            });
      }
    }
    if (labels.isEmpty()) {
      return java.util.Optional.empty();
    }
    double[] estimate = ends.stream().mapToDouble(e -> e[0]).toArray();
    double[] low = ends.stream().mapToDouble(e -> e[1]).toArray();
    double[] high = ends.stream().mapToDouble(e -> e[2]).toArray();
    return java.util.Optional.of(Charts.intervals(metric.metric(), labels, estimate, low, high));
  }
}
