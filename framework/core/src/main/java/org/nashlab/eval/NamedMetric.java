package org.nashlab.eval;

import static java.util.Objects.requireNonNull;

import org.nashlab.api.Metric;

/**
 * A metric as the experiment listed it.
 *
 * @param name its registered name, for messages
 * @param metric the plugin
 */
public record NamedMetric(String name, Metric metric) {
  public NamedMetric {
    requireNonNull(name, "name");
    requireNonNull(metric, "metric");
  }
}
