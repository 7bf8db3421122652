package org.nashlab.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nashlab.track.MlflowKeys;

/**
 * A report's aggregates as metrics of the sweep's parent run, so the MLflow UI shows them: {@code
 * report/GROUP/METRIC/mean}, {@code .../iqm}, {@code .../success-rate}, {@code .../difference},
 * {@code .../p-holm}; a label's characters MLflow keys do not take, its slashes and spaces become
 * {@code _}.
 */
final class ReportMetrics {
  private ReportMetrics() {}

  static Map<String, Double> of(Report report) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (MetricResult metric : report.metrics()) {
      for (GroupResult g : metric.groups()) {
        String prefix =
            "report/" + key(g.group().label()) + "/" + key(metric.metric().label()) + "/";
        metrics.put(prefix + "success-rate", g.success().rate());
        g.summary()
            .ifPresent(
                s -> {
                  metrics.put(prefix + "mean", s.mean().value());
                  metrics.put(prefix + "iqm", s.interquartileMean().value());
                  metrics.put(prefix + "n", (double) s.n());
                });
        g.comparison()
            .ifPresent(
                c -> {
                  metrics.put(prefix + "difference", c.difference().value());
                  metrics.put(prefix + "p-holm", c.welchPHolm());
                  metrics.put(
                      prefix + "probability-of-improvement", c.probabilityOfImprovement().value());
                });
      }
    }
    metrics.values().removeIf(v -> !Double.isFinite(v));
    return metrics;
  }

  private static String key(String text) {
    return MlflowKeys.safe(text).replace('/', '_').replace(' ', '_');
  }
}
