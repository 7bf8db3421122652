package org.nashlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashlab.config.ConfigError;
import org.nashlab.config.ExperimentBinder;
import org.nashlab.config.ExperimentLoader;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.config.ResolvedConfig;
import org.nashlab.plugin.PluginRegistry;

/**
 * A sweep whose every trial was loaded and validated like an experiment, each with its key (the
 * hash of its resolved configuration). Built before anything runs, so an invalid trial stops the
 * sweep with exit 2 and nothing in MLflow.
 *
 * @param sweep the sweep file
 * @param trials the trials, in expansion order, without duplicates
 */
public record SweepPlan(SweepSpec sweep, List<Trial> trials) {
  /**
   * @param plan the factors and seed
   * @param spec the validated experiment
   * @param key the trial key, stable across runs of the sweep
   */
  public record Trial(TrialPlan plan, ExperimentSpec spec, String key) {}

  /**
   * @throws InvalidConfigException with every trial's problems, each named once with the trials it
   *     affects
   */
  public static SweepPlan of(SweepSpec sweep, PluginRegistry plugins) {
    Map<ConfigError, List<Integer>> problems = new LinkedHashMap<>();
    List<Trial> trials = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (TrialPlan plan : SweepExpansion.expand(sweep)) {
      try {
        ExperimentSpec spec =
            ExperimentBinder.bind(
                ExperimentLoader.load(sweep.experiment(), plan.overrides()), plugins);
        String key = ResolvedConfig.of(spec).trialKey();
        if (keys.add(key)) {
          trials.add(new Trial(plan, spec, key));
        }
      } catch (InvalidConfigException e) {
        e.errors()
            .forEach(
                error -> problems.computeIfAbsent(error, x -> new ArrayList<>()).add(plan.index()));
      }
    }
    if (!problems.isEmpty()) {
      List<ConfigError> errors = new ArrayList<>();
      problems.forEach(
          (error, indexes) ->
              errors.add(
                  new ConfigError(
                      error.source(),
                      error.key(),
                      error.message()
                          + " (trial"
                          + (indexes.size() > 1 ? "s " : " ")
                          + indexes
                          + ")")));
      throw new InvalidConfigException(errors);
    }
    return new SweepPlan(sweep, trials);
  }

  /** The trials as an aligned table: number, key, factor values, seed. */
  public String table() {
    return SweepTable.text(this);
  }
}
