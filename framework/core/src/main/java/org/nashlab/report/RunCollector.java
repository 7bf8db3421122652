package org.nashlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nashlab.api.MetricPoint;
import org.nashlab.api.RunRecord;
import org.nashlab.api.Tracker;
import org.nashlab.config.ConfigError;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.eval.FeatureNamespaces;

/**
 * Reads a report's runs back from the tracker: for each sweep, its parent run and the latest run of
 * each trial under it, with the curves of the report's metrics.
 */
final class RunCollector {
  private RunCollector() {}

  /** What was read: the runs, and each sweep's parent run id. */
  record Collected(List<ReportRun> runs, Map<String, RunRecord> parents) {}

  /**
   * @throws InvalidConfigException when a sweep has no runs
   */
  static Collected collect(
      ReportSpec spec, Tracker tracker, Optional<Map<String, Map<String, String>>> plan) {
    List<ReportRun> runs = new ArrayList<>();
    Map<String, RunRecord> parents = new LinkedHashMap<>();
    List<ConfigError> errors = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    spec.metrics().forEach(m -> keys.add(m.key()));
    for (String sweep : spec.sweeps()) {
      List<RunRecord> all = tracker.find(sweep, Map.of("nash.sweep", sweep));
      Optional<RunRecord> parent =
          all.stream()
              .filter(r -> "parent".equals(r.tags().get("nash.sweep-role")))
              .reduce((a, b) -> b);
      if (parent.isEmpty()) {
        errors.add(
            new ConfigError(
                spec.file().toString(),
                "sweeps",
                "'" + sweep + "' has no sweep run in the tracker; run nash sweep first"));
        continue;
      }
      parents.put(sweep, parent.get());
      List<RunRecord> candidates = all;
      if (spec.filter().isPresent()) {
        try {
          candidates = tracker.search(sweep, spec.filter().get());
        } catch (IllegalArgumentException e) {
          errors.add(new ConfigError(spec.file().toString(), "filter", e.getMessage()));
          continue;
        }
      }
      Map<String, RunRecord> latest = new LinkedHashMap<>();
      for (RunRecord run : candidates) {
        String key = run.tags().get("nash.trial-key");
        boolean wanted =
            spec.filter().isPresent()
                ? run.tags().containsKey("mlflow.parentRunId")
                : parent.get().id().equals(run.tags().get("mlflow.parentRunId"));
        if (wanted && key != null && plan.map(trials -> trials.containsKey(key)).orElse(true)) {
          latest.put(key, run);
        }
      }
      latest.forEach(
          (key, run) ->
              runs.add(
                  reportRun(
                      sweep,
                      run,
                      plan.map(trials -> trials.get(key)).orElseGet(() -> factorTags(run)),
                      keys,
                      tracker)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return new Collected(runs, parents);
  }

  /** A run's factors as its tags say: every tag that is not Nash's or MLflow's own. */
  private static Map<String, String> factorTags(RunRecord run) {
    Map<String, String> factors = new LinkedHashMap<>();
    run.tags()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("nash.") && !k.startsWith("mlflow.")) {
                factors.put(k, v);
              }
            });
    return factors;
  }

  private static ReportRun reportRun(
      String sweep, RunRecord run, Map<String, String> factors, Set<String> keys, Tracker tracker) {
    Map<String, List<MetricPoint>> curves = new LinkedHashMap<>();
    keys.forEach(key -> curves.put(key, tracker.history(run.id(), key)));
    return new ReportRun(
        run.id(),
        run.url(),
        sweep,
        factors,
        run.tags().getOrDefault("nash.seed", "?"),
        failure(run),
        features(run),
        curves);
  }

  /** The feature network of each namespace of the run's metrics. */
  private static Map<String, String> features(RunRecord run) {
    Map<String, String> networks = new LinkedHashMap<>();
    run.tags()
        .forEach(
            (tag, id) -> {
              if (tag.equals(FeatureNamespaces.OWN_TAG)) {
                networks.put(FeatureNamespaces.OWN, id);
              } else if (tag.startsWith(FeatureNamespaces.OTHER_TAG)) {
                networks.put(tag.substring(FeatureNamespaces.OTHER_TAG.length()), id);
              }
            });
    return networks;
  }

  /** Why a run counts as failed: its outcome unless it finished, or a collapse it ended in. */
  private static Optional<String> failure(RunRecord run) {
    if (!run.hasStatus(org.nashlab.api.RunStatus.FINISHED)) {
      String outcome = run.tags().get("nash.outcome");
      return Optional.of(outcome != null ? outcome : run.status().toLowerCase());
    }
    return "true".equals(run.tags().get("nash.collapsed"))
        ? Optional.of("collapsed")
        : Optional.empty();
  }
}
