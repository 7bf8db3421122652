package org.nashlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nashlab.api.PluginKind;
import org.nashlab.api.RunRecord;
import org.nashlab.api.Tracker;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.PluginChoice;
import org.nashlab.config.PluginSection;
import org.nashlab.train.RunReevaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Computes metrics again for ended runs, from their checkpoints on this machine, and logs"
          + " them into the same runs at the checkpoints' steps.",
      "Overrides of features and metrics choose what to compute; through another feature network"
          + " than the run's, values go to eval-FEATURES/NAME, tagged nash.features/eval-FEATURES."
    },
    footer = {
      "",
      "Examples:",
      "  nash evaluate 9181bc168c324cc0ac1e33f0436c91af",
      "  nash evaluate --sweep loss-ablation --every 'metrics=[{name: fid}]'",
      "  nash evaluate 9181bc16... features.name=inception-graphdef features.path=inception.pb"
    })
final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "RUN_ID... [KEY=VALUE...]",
      description = "the runs, then overrides of features and metrics with dotted keys")
  List<String> arguments = new ArrayList<>();

  @Option(names = "--sweep", paramLabel = "NAME", description = "every finished trial of a sweep")
  String sweep;

  @Option(
      names = "--every",
      description = "every kept checkpoint (training.keep-checkpoints), not only the last")
  boolean every;

  @Override
  public Integer call() {
    List<String> overrides = arguments.stream().filter(a -> a.contains("=")).toList();
    Set<String> runs =
        new LinkedHashSet<>(arguments.stream().filter(a -> !a.contains("=")).toList());
    for (String override : overrides) {
      String key = override.substring(0, override.indexOf('='));
      if (!(key.equals("features") || key.startsWith("features.") || key.startsWith("metrics"))) {
        throw usage(
            override
                + ": only features and metrics can be changed; anything else would describe"
                + " another experiment than the one the checkpoints were trained with");
      }
    }
    Workspace workspace = Workspace.open(spec.commandLine().getErr());
    if (sweep != null) {
      runs.addAll(trials(workspace));
    }
    if (runs.isEmpty()) {
      throw usage("give the runs to evaluate: RUN_ID..., or --sweep NAME");
    }
    List<String> withEvaluation = new ArrayList<>(overrides);
    for (String runId : runs) {
      RunCheckpoints checkpoints = RunCheckpoints.of(workspace, runId, spec.commandLine());
      Path config = checkpoints.config();
      List<Long> steps = every ? checkpoints.steps() : List.of(checkpoints.last());
      ExperimentSpec experiment = workspace.experiment(config, withEvaluation);
      checkSameSettings(workspace.experiment(config, List.of()), experiment, runId);
      if (experiment.training().evalEvery() == 0) {
        // The run trained without evaluation; the metrics are computed here all the same.
        List<String> on = new ArrayList<>(withEvaluation);
        on.add("training.eval-every=" + experiment.training().steps());
        experiment = workspace.experiment(config, on);
      }
      spec.commandLine().getOut().println("Run " + runId + ", steps " + steps + ":");
      String namespace =
          RunReevaluation.evaluate(
              experiment,
              workspace.plugins(),
              workspace.home(),
              runId,
              steps,
              line -> spec.commandLine().getOut().println("  " + line));
      spec.commandLine().getOut().println("  logged under " + namespace + "/");
    }
    return ExitCodes.OK;
  }

  /**
   * A metric the run computed while training keeps its settings: its values go under the same key,
   * so other settings would be credited to the ones the run logged.
   */
  private void checkSameSettings(ExperimentSpec trained, ExperimentSpec now, String runId) {
    for (PluginChoice metric : now.metrics()) {
      for (PluginChoice before : trained.metrics()) {
        if (before.spec().name().equals(metric.spec().name())
            && !before.params().equals(metric.params())) {
          throw usage(
              "metric "
                  + metric.spec().name()
                  + " ran with other settings in run "
                  + runId
                  + " ("
                  + before.params().map(Object::toString).orElse("")
                  + "); its values would share keys with those: keep its settings");
        }
      }
    }
  }

  /** The finished trials of the sweep, from the default tracking server. */
  private List<String> trials(Workspace workspace) {
    List<String> problems = new ArrayList<>();
    PluginChoice choice =
        PluginSection.bind(
                workspace.plugins(),
                PluginKind.TRACKER,
                "tracking",
                null,
                "mlflow",
                "{ name: mlflow }",
                (key, problem) -> problems.add(key + ": " + problem))
            .orElseThrow(() -> usage(String.join("; ", problems)));
    Tracker tracker = workspace.plugins().create(choice.spec(), choice.params(), Tracker.class);
    List<String> trials =
        tracker.find(sweep, Map.of("nash.sweep", sweep)).stream()
            .filter(run -> run.tags().containsKey("mlflow.parentRunId"))
            .filter(run -> run.hasStatus(org.nashlab.api.RunStatus.FINISHED))
            .map(RunRecord::id)
            .toList();
    if (trials.isEmpty()) {
      throw usage("sweep " + sweep + " has no finished trial on the tracking server");
    }
    return trials;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
