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
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Trains one experiment and logs it to MLflow.",
    footer = {
      "",
      "Example: nash run experiments/quickstart.yaml training.steps=500 loss.name=minimax"
    })
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML")
  Path file;

  @Parameters(
      index = "1..*",
      paramLabel = "KEY=VALUE",
      description = "overrides with dotted keys, applied after the file")
  List<String> overrides = new ArrayList<>();

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() {
    Workspace session = Workspace.open();
    ExperimentSpec experiment = session.experiment(file, overrides);
    TrialResult result = new TrialRunner(session.plugins(), session.home()).run(experiment);
    out().println();
    if (result.status() == RunStatus.FINISHED) {
      out().println("Finished " + experiment.name() + " (" + result.lastStep() + " steps).");
    } else {
      out()
          .println(
              "Run "
                  + spec.name()
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
