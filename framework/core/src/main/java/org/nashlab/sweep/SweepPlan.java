package org.nashlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param trials the trials, in expansion order; a random draw that repeats an earlier trial is
 *     dropped, two grid points that resolve to the same experiment are an error
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
    String source = ExperimentLoader.display(sweep.file());
    long count = SweepExpansion.count(sweep);
    if (count > sweep.maxTrials()) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  source,
                  "",
                  "names "
                      + (count == Long.MAX_VALUE
                          ? "more than " + String.format("%,d", Long.MAX_VALUE - 1)
                          : String.format("%,d", count))
                      + " trials (grid points x draws x seeds, before exclude), more than"
                      + " max-trials ("
                      + String.format("%,d", sweep.maxTrials())
                      + "); raise max-trials if you mean it")));
    }
    Validation validation = new Validation(sweep, plugins, source);
    SweepExpansion.stream(sweep).forEach(validation::add);
    return validation.plan();
  }

  /** The trials validated so far, and every problem found, with the trials each affects. */
  private static final class Validation {
    private final SweepSpec sweep;
    private final PluginRegistry plugins;
    private final String source;
    private final Map<ConfigError, List<Integer>> problems = new LinkedHashMap<>();
    private final List<Trial> trials = new ArrayList<>();
    private final Map<String, TrialPlan> byKey = new LinkedHashMap<>();

    Validation(SweepSpec sweep, PluginRegistry plugins, String source) {
      this.sweep = sweep;
      this.plugins = plugins;
      this.source = source;
    }

    void add(TrialPlan plan) {
      ExperimentSpec spec;
      try {
        spec =
            ExperimentBinder.bind(
                ExperimentLoader.load(sweep.experiment(), plan.overrides()), plugins);
      } catch (InvalidConfigException e) {
        e.errors().forEach(error -> problem(error, plan));
        return;
      }
      String key = ResolvedConfig.of(spec).trialKey();
      TrialPlan same = byKey.putIfAbsent(key, plan);
      if (same == null) {
        trials.add(new Trial(plan, spec, key));
        return;
      }
      List<String> differences = gridDifferences(sweep, same, plan);
      if (!differences.isEmpty()) {
        problem(sameTrial(source, same, differences), plan);
      }
    }

    private void problem(ConfigError error, TrialPlan plan) {
      problems.computeIfAbsent(error, x -> new ArrayList<>()).add(plan.index());
    }

    SweepPlan plan() {
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
      if (trials.isEmpty()) {
        throw new InvalidConfigException(
            List.of(
                new ConfigError(
                    source, "exclude", "leaves no trial: every combination is excluded")));
      }
      return new SweepPlan(sweep, trials);
    }
  }

  /** The grid factors in which {@code a} and {@code b} differ, as {@code key a vs b}. */
  private static List<String> gridDifferences(SweepSpec sweep, TrialPlan a, TrialPlan b) {
    List<String> differences = new ArrayList<>();
    for (String key : sweep.grid().keySet()) {
      String left = FactorValues.yaml(a.factors().get(key));
      String right = FactorValues.yaml(b.factors().get(key));
      if (!left.equals(right)) {
        differences.add(key + " " + left + " vs " + right);
      }
    }
    return differences;
  }

  /**
   * Two grid points that resolve to the same experiment: a factor that changes nothing (a value
   * listed twice, a value equal to the default it overrides) would credit one run to two settings.
   */
  private static ConfigError sameTrial(String source, TrialPlan first, List<String> differences) {
    return new ConfigError(
        source,
        "grid",
        "trial "
            + first.index()
            + " and a later one are the same experiment although they differ in "
            + String.join(", ", differences)
            + ": a factor value that changes nothing");
  }

  /** The trials as an aligned table: number, key, factor values, seed. */
  public String table() {
    return SweepTable.text(this);
  }
}
