package org.nashlab.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runs that share the values of the report's group-by factors: the seeds of one setting.
 *
 * @param factors the group-by factors and their values
 * @param runs its runs, successful or not
 */
public record Group(Map<String, String> factors, List<ReportRun> runs) {
  public Group {
    factors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factors));
    runs = List.copyOf(runs);
  }

  /** {@code loss.name=hinge, regularizers=none}, or {@code all runs} with no factor. */
  public String label() {
    return factors.isEmpty()
        ? "all runs"
        : factors.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
