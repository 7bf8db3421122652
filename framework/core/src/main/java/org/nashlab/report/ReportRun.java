package org.nashlab.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nashlab.api.MetricPoint;

/**
 * One trial of a reported sweep, as the tracker has it.
 *
 * @param id the run's id
 * @param url where a person looks at it
 * @param sweep the sweep it belongs to
 * @param factors the sweep's factors and their labels, as the run is tagged
 * @param seed the training seed
 * @param failure why the run counts as a failure (diverged, crashed, error, killed, running,
 *     collapsed), or empty when it succeeded
 * @param features the feature network its feature metrics were computed through, by namespace:
 *     {@code eval} ({@code nash.features}) and each {@code eval-FEATURES} of a re-evaluation
 *     through another network ({@code nash.features/eval-FEATURES})
 * @param curves each reported metric's logged values
 */
public record ReportRun(
    String id,
    String url,
    String sweep,
    Map<String, String> factors,
    String seed,
    Optional<String> failure,
    Map<String, String> features,
    Map<String, List<MetricPoint>> curves) {
  public ReportRun {
    features = Map.copyOf(features);
    factors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factors));
    curves = Map.copyOf(curves);
  }

  /** Failures whose values still describe the run (a collapse), and those whose do not. */
  public boolean hasValues() {
    return failure.isEmpty() || failure.get().equals("collapsed");
  }

  /** The run's number for {@code metric}, if it has one. */
  public OptionalDouble value(MetricSpec metric) {
    if (!hasValues()) {
      return OptionalDouble.empty();
    }
    return metric.reduction().of(curves.getOrDefault(metric.key(), List.of()), metric);
  }
}
