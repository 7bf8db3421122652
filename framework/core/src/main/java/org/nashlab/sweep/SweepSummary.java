package org.nashlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.nashlab.api.RunRecord;
import org.nashlab.config.ExperimentLoader;
import org.nashlab.plugin.Suggestions;
import org.nashlab.plugin.UserText;
import org.nashlab.report.stats.BootstrapSettings;
import org.nashlab.report.stats.Summary;

/**
 * The end of a sweep by factor values, seeds pooled: how many trials finished, diverged or failed,
 * and the final value of the sweep's metric over the finished ones (mean and sample standard
 * deviation).
 */
final class SweepSummary {
  private final SweepSpec sweep;
  private final List<TrialState> states;

  SweepSummary(SweepSpec sweep, List<TrialState> states) {
    this.sweep = sweep;
    this.states = List.copyOf(states);
  }

  String table() {
    Map<List<String>, List<TrialState>> groups = new LinkedHashMap<>();
    List<String> factors = new ArrayList<>(sweep.grid().keySet());
    factors.addAll(sweep.random().keySet());
    for (TrialState state : states) {
      List<String> values =
          factors.stream()
              .map(f -> FactorValues.label(f, state.trial().plan().factors().get(f)))
              .toList();
      groups.computeIfAbsent(values, v -> new ArrayList<>()).add(state);
    }
    List<String> header = new ArrayList<>(factors);
    header.addAll(List.of("trials", "finished", "diverged", "failed", sweep.metric() + " (final)"));
    List<List<String>> rows = new ArrayList<>();
    groups.forEach(
        (values, group) -> {
          List<String> row = new ArrayList<>(values);
          long finished = group.stream().filter(TrialState::finished).count();
          long diverged = group.stream().filter(TrialState::diverged).count();
          row.add(Integer.toString(group.size()));
          row.add(Long.toString(finished));
          row.add(Long.toString(diverged));
          row.add(Long.toString(group.size() - finished - diverged));
          row.add(meanAndStd(group));
          rows.add(row);
        });
    return TextTable.render(header, rows);
  }

  /**
   * Why the summary's metric column is empty when finished trials logged other metrics but never
   * this one: a misspelt {@code metric:} must not pass for a metric no trial produced.
   */
  Optional<String> missingMetric() {
    List<RunRecord> finished =
        states.stream().filter(TrialState::finished).map(s -> s.run().get()).toList();
    if (finished.isEmpty()
        || finished.stream().anyMatch(r -> r.metrics().containsKey(sweep.metric()))) {
      return Optional.empty();
    }
    Set<String> logged = new TreeSet<>();
    finished.forEach(r -> logged.addAll(r.metrics().keySet()));
    return Optional.of(
        ExperimentLoader.display(sweep.file())
            + ": metric: "
            + UserText.quoted(sweep.metric())
            + " was logged by none of the "
            + finished.size()
            + " finished trials"
            + Suggestions.hint(sweep.metric(), "They logged", logged)
            + "\nFix metric: and run the sweep again: its finished trials are kept, only the"
            + " summary is made again.");
  }

  /** The finished trials' final values, summarised by the reports' engine. */
  private String meanAndStd(List<TrialState> group) {
    double[] values =
        group.stream()
            .filter(TrialState::finished)
            .map(s -> s.run().get().metrics().get(sweep.metric()))
            .filter(v -> v != null && Double.isFinite(v))
            .mapToDouble(Double::doubleValue)
            .toArray();
    if (values.length == 0) {
      return "-";
    }
    Summary summary = Summary.of(values, new BootstrapSettings(1000, 0.95, 0));
    if (values.length == 1) {
      return String.format("%.4g", summary.mean().value());
    }
    return String.format(
        "%.4g ± %.2g (n=%d)", summary.mean().value(), summary.standardDeviation(), summary.n());
  }
}
