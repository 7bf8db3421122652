package org.nashlab.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.MetricPoint;

/** Runs and reports made in memory, for the report's unit tests. */
final class ReportFixtures {
  static final MetricSpec MODES = new MetricSpec("eval/modes-covered", Reduction.FINAL, true, 1, 0);

  private ReportFixtures() {}

  static ReportSpec spec(Map<String, String> baseline) {
    return new ReportSpec(
        "r",
        Path.of("r.yaml"),
        List.of("s"),
        Optional.empty(),
        List.of(),
        baseline,
        List.of(MODES),
        1000,
        0,
        null,
        Path.of("out"));
  }

  /** A run of factor {@code technique} whose curve ends at {@code last}. */
  static ReportRun run(
      String technique,
      int seed,
      double last,
      Optional<String> failure,
      Optional<String> features) {
    Map<String, String> factors = new LinkedHashMap<>();
    factors.put("technique", technique);
    return new ReportRun(
        technique + seed,
        "http://mlflow/#/runs/" + technique + seed,
        "s",
        factors,
        Integer.toString(seed),
        failure,
        features.map(id -> Map.of("eval", id)).orElse(Map.of()),
        Map.of(MODES.key(), List.of(new MetricPoint(0, 0), new MetricPoint(100, last))));
  }
}
