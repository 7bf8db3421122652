package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.api.RunStatus;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.train.TrialResult;
import org.nashlab.train.TrialRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Trains one experiment and logs it to MLflow.",
      "SIGTERM or Ctrl-C checkpoints, flushes the metrics and ends the run as KILLED."
    },
    footer = {
      "",
      "Examples:",
      "  nash run experiments/quickstart.yaml training.steps=500 loss.name=minimax",
      "  nash run --resume 9181bc168c324cc0ac1e33f0436c91af"
    })
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "FILE [KEY=VALUE...]",
      description = "the experiment YAML, then overrides with dotted keys")
  List<String> arguments = new ArrayList<>();

  @Option(
      names = "--resume",
      paramLabel = "RUN_ID",
      description = "continue this run from its last checkpoint, in the same MLflow run")
  String resume;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() {
    if ((resume == null) == arguments.isEmpty() || (resume != null && !arguments.isEmpty())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give an experiment FILE (with overrides), or --resume RUN_ID alone");
    }
    Workspace workspace = Workspace.open(spec.commandLine().getErr());
    TrialRunner runner = new TrialRunner(workspace.plugins(), workspace.home());
    ExperimentSpec experiment;
    TrialResult result;
    if (resume != null) {
      experiment =
          workspace.experiment(TrialRunner.resumeConfig(workspace.home(), resume), List.of());
      result = runner.resume(experiment, resume);
    } else {
      experiment =
          workspace.experiment(Path.of(arguments.get(0)), arguments.subList(1, arguments.size()));
      result = runner.run(experiment);
    }
    out().println();
    switch (result.status()) {
      case FINISHED ->
          out().println("Finished " + experiment.name() + " (" + result.lastStep() + " steps).");
      case KILLED ->
          out()
              .println(
                  "Stopped "
                      + experiment.name()
                      + " at step "
                      + result.lastStep()
                      + "; continue with: nash run --resume "
                      + result.runId());
      default ->
          out()
              .println(
                  "Run "
                      + experiment.name()
                      + " "
                      + result.outcome()
                      + " at step "
                      + result.lastStep()
                      + ".");
    }
    out().println("MLflow run: " + result.url());
    return result.status() == RunStatus.FINISHED ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }
}
