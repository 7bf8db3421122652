package org.nashlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.RunRecord;
import org.nashlab.api.RunStatus;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.Tracker;
import org.nashlab.config.ConfigError;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.config.NashHome;
import org.nashlab.eval.Evaluator;
import org.nashlab.eval.FeatureNamespaces;
import org.nashlab.plugin.PluginRegistry;

/**
 * The metrics of an ended run computed again from its checkpoints, and logged into the same run at
 * each checkpoint's step. Feature metrics are comparable only through one feature network, so the
 * keys say which ({@link FeatureNamespaces}): through the network the run was evaluated with (or,
 * if it had none, the first one it is evaluated with) they are {@code eval/NAME}; through another
 * they go to the namespace {@code eval-FEATURES/NAME}, {@code FEATURES} the plugin's name. A
 * namespace holds one network, and each metric in it one setting ({@code
 * nash.reevaluated-metrics.NAMESPACE.METRIC}): another is refused. The run gets its status back;
 * its end time becomes the evaluation's.
 */
public final class RunReevaluation {
  private static final String OWN = FeatureNamespaces.OWN;
  private static final String METRICS_TAG = "nash.reevaluated-metrics.";

  private RunReevaluation() {}

  /**
   * Evaluates run {@code runId} at {@code steps}, kept checkpoints of it, with {@code spec}: the
   * run's configuration with the metrics and feature network to use.
   *
   * @return the namespace the values were logged under ({@code eval} or {@code eval-FEATURES})
   */
  public static String evaluate(
      ExperimentSpec spec,
      PluginRegistry plugins,
      NashHome home,
      String runId,
      List<Long> steps,
      Consumer<String> progress) {
    Tracker tracker = TrialSetup.create(plugins, spec.tracker(), Tracker.class);
    RunRecord record = tracker.run(runId);
    if (record.isRunning()) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  "command line",
                  "RUN_ID",
                  "run " + runId + " is still running; evaluate it once it has ended")));
    }
    try (TrialSetup setup = TrialSetup.build(spec, plugins, home)) {
      if (!setup.evaluator().hasMetrics()) {
        throw new InvalidConfigException(
            List.of(new ConfigError("command line", "metrics", "no metric to compute")));
      }
      Optional<String> network = setup.features().map(FeatureNetwork::id);
      String namespace = namespace(spec, record, network);
      Map<String, String> settings = metricSettings(spec, namespace);
      settings.forEach(
          (tag, setting) -> {
            String earlier = record.tags().get(tag);
            if (earlier != null && !earlier.equals(setting)) {
              throw new InvalidConfigException(
                  List.of(
                      new ConfigError(
                          "command line",
                          "metrics",
                          "run "
                              + runId
                              + " has "
                              + tag.substring(tag.lastIndexOf('.') + 1)
                              + " values in "
                              + namespace
                              + "/ computed with "
                              + earlier
                              + "; other settings ("
                              + setting
                              + ") would share their keys")));
            }
          });
      Checkpoint checkpoint = Checkpoint.of(home, runId);
      EvaluationSamples samples = new EvaluationSamples(setup);
      try (TrackedRun run = tracker.reopen(runId)) {
        try {
          network.ifPresent(id -> run.setTag(FeatureNamespaces.tag(namespace), id));
          settings.forEach(run::setTag);
          List<String> done = new ArrayList<>();
          for (long step : steps) {
            checkpoint.restoreVariables(setup.session(), step);
            Evaluator.Result result = setup.evaluator().evaluate(samples);
            Map<String, Double> logged = new LinkedHashMap<>();
            result
                .values()
                .forEach(
                    (key, value) -> logged.put(namespace + key.substring(OWN.length()), value));
            logged.forEach((key, value) -> run.logMetric(key, value, step));
            progress.accept("Step " + step + ": " + logged);
            done.add(Long.toString(step));
          }
          String before = record.tags().get("nash.reevaluated." + namespace);
          java.util.TreeSet<Long> all = new java.util.TreeSet<>(steps);
          if (before != null) {
            java.util.Arrays.stream(before.split(",")).map(Long::valueOf).forEach(all::add);
          }
          run.setTag(
              "nash.reevaluated." + namespace,
              String.join(",", all.stream().map(String::valueOf).toList()));
        } finally {
          // A failed evaluation leaves the run as it ended, not FAILED.
          run.finish(RunStatus.valueOf(record.status()));
        }
      }
      return namespace;
    }
  }

  /** Each metric's settings, by the tag that keeps them for the namespace. */
  private static Map<String, String> metricSettings(ExperimentSpec spec, String namespace) {
    Map<String, String> settings = new LinkedHashMap<>();
    spec.metrics()
        .forEach(
            m ->
                settings.put(
                    METRICS_TAG + namespace + "." + m.spec().name(),
                    m.params().map(Object::toString).orElse("defaults")));
    return settings;
  }

  /** Where this network's values go in this run; see the class comment. */
  private static String namespace(ExperimentSpec spec, RunRecord record, Optional<String> network) {
    String own = record.tags().get(FeatureNamespaces.OWN_TAG);
    if (network.isEmpty() || own == null || own.equals(network.get())) {
      return OWN;
    }
    String namespace = FeatureNamespaces.other(spec.features().spec().name());
    String held = record.tags().get(FeatureNamespaces.tag(namespace));
    if (held != null && !held.equals(network.get())) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  "command line",
                  "features",
                  "run "
                      + record.id()
                      + " holds values of "
                      + namespace
                      + "/ through the network "
                      + held
                      + ", not through "
                      + network.get()
                      + "; values of two networks cannot share a namespace")));
    }
    return namespace;
  }
}
