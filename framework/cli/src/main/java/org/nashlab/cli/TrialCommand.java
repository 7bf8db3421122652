package org.nashlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nashlab.api.RunStatus;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.train.SweepTrial;
import org.nashlab.train.TrialResult;
import org.nashlab.train.TrialRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "trial",
    hidden = true,
    description = "Runs one trial of a sweep (started by nash sweep and its executors).")
final class TrialCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--sweep", required = true, description = "the sweep's name")
  String sweep;

  @Option(names = "--parent", required = true, description = "the sweep's parent run")
  String parent;

  @Option(
      names = "--factor",
      paramLabel = "KEY=LABEL",
      description = "a factor of the trial as the sweep shows it: a tag and part of the run's name")
  Map<String, String> factors = new LinkedHashMap<>();

  @Option(names = "--resume", paramLabel = "RUN_ID", description = "continue this run")
  String resume;

  @Option(
      names = "--resume-latest",
      description =
          "continue the trial's latest unfinished run of the sweep from its checkpoint, or exit"
              + " if it finished; else start a new run")
  boolean resumeLatest;

  @Parameters(paramLabel = "FILE [KEY=VALUE...]", description = "the experiment and overrides")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    Map<String, String> tags = new LinkedHashMap<>(factors);
    tags.put("nash.sweep", sweep);
    tags.put("mlflow.parentRunId", parent);
    SweepTrial trial = new SweepTrial(sweep, tags, factors);
    // Quietly: nash sweep warned about what discovery left out once, not once per trial.
    Workspace workspace = Workspace.discover(NashHome.fromEnvironment());
    TrialRunner runner = new TrialRunner(workspace.plugins(), workspace.home());
    if (arguments.isEmpty() && resume == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give the experiment FILE [KEY=VALUE...], or --resume RUN_ID");
    }
    // The sweep gives its experiment even to a trial it resumes: the checkpoint's copy has the
    // tracking address's credentials masked, the sweep's files still hold them.
    ExperimentSpec experiment =
        arguments.isEmpty()
            ? workspace.experiment(TrialRunner.resumeConfig(workspace.home(), resume), List.of())
            : workspace.experiment(
                Path.of(arguments.get(0)), arguments.subList(1, arguments.size()));
    TrialResult result =
        resume != null
            ? runner.resume(experiment, resume, trial)
            : resumeLatest ? runner.resumeOrRun(experiment, trial) : runner.run(experiment, trial);
    spec.commandLine().getOut().println("Trial " + result.outcome() + ": " + result.url());
    return result.status() == RunStatus.FINISHED ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }
}
