package org.nashlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.api.RunStatus;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.train.TrialResult;
import org.nashlab.train.TrialRunner;
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
  @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML")
  Path file;

  @Parameters(
      index = "1..*",
      paramLabel = "KEY=VALUE",
      description = "overrides with dotted keys, applied after the file")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    Session session = Session.open();
    ExperimentSpec spec = session.experiment(file, overrides);
    TrialResult result = new TrialRunner(session.plugins(), session.home()).run(spec);
    System.out.println();
    if (result.status() == RunStatus.FINISHED) {
      System.out.println("Finished " + spec.name() + " (" + result.lastStep() + " steps).");
    } else {
      System.out.println(
          "Run " + spec.name() + " " + result.outcome() + " at step " + result.lastStep() + ".");
    }
    System.out.println("MLflow run: " + result.url());
    return result.status() == RunStatus.FINISHED ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }
}
