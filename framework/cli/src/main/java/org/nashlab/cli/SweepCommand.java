package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.sweep.SweepLoader;
import org.nashlab.sweep.SweepPlan;
import org.nashlab.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every trial of a sweep, each in its own process, as child runs of one MLflow parent run.",
      "Running it again resumes it: finished trials are skipped, unfinished ones continue from",
      "their last checkpoint. Exit code 1 if any trial failed."
    },
    footer = {
      "",
      "Examples:",
      "  nash sweep sweeps/quickstart.yaml --dry-run",
      "  nash sweep sweeps/quickstart.yaml",
      "  nash sweep sweeps/quickstart.yaml --retry-failed"
    })
final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the sweep YAML")
  Path file;

  @Option(
      names = "--dry-run",
      description = "print the trials (key, factors, seed) after validating each; run nothing")
  boolean dryRun;

  @Option(names = "--retry-failed", description = "run the sweep's failed trials again, only them")
  boolean retryFailed;

  @Override
  public Integer call() {
    Workspace workspace = Workspace.open(spec.commandLine().getErr());
    SweepPlan plan = SweepPlan.of(SweepLoader.load(file, workspace.plugins()), workspace.plugins());
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      out.print(plan.table());
      out.println(plan.trials().size() + " trials, all valid.");
      return ExitCodes.OK;
    }
    SweepRunner.Result result =
        new SweepRunner(workspace.plugins(), workspace.home(), nashCommand(), out)
            .run(plan, retryFailed);
    out.printf("%d finished, %d failed.%n", result.finished(), result.failed());
    if (result.failed() > 0) {
      return ExitCodes.RUN_FAILED;
    }
    return result.missingMetric().isPresent() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
  }

  /** This Nash, started again in a new JVM with the same class path. */
  static List<String> nashCommand() {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Nash.class.getName());
    return command;
  }
}
