package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a metric measured: named values, logged as {@code eval/NAME}, and, when the metric can tell,
 * why the generator looks collapsed.
 *
 * @param values the numbers, in the order they should be shown
 * @param collapse a one-line reason when the samples cover few modes
 */
public record Measurement(Map<String, Double> values, Optional<String> collapse) {
  public Measurement {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    requireNonNull(collapse, "collapse");
  }

  /** One value, no collapse signal. */
  public static Measurement of(String name, double value) {
    return new Measurement(Map.of(name, value), Optional.empty());
  }

  /** Two values in this order, no collapse signal. */
  public static Measurement of(String first, double a, String second, double b) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(first, a);
    values.put(second, b);
    return new Measurement(values, Optional.empty());
  }
}
