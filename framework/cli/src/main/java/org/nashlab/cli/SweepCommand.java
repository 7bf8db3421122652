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

  @Option(
      names = "--detach",
      description = "submit the trials to the executor's scheduler (slurm) and return")
  boolean detach;

  @Option(
      names = "--attach",
      description =
          "follow the trials a --detach submitted (what running the sweep again does anyway)")
  boolean attach;

  @Option(names = "--cancel", description = "cancel the sweep's queued and running trials")
  boolean cancel;

  @Override
  public Integer call() {
    Workspace workspace = Workspace.open(spec.commandLine().getErr());
    SweepPlan plan = SweepPlan.of(SweepLoader.load(file, workspace.plugins()), workspace.plugins());
    PrintWriter out = spec.commandLine().getOut();
    long modes = java.util.stream.Stream.of(dryRun, detach, attach, cancel).filter(b -> b).count();
    if (modes > 1 || (retryFailed && (detach || cancel))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--dry-run, --detach, --attach and --cancel each go alone");
    }
    if (dryRun) {
      out.print(plan.table());
      out.println(plan.trials().size() + " trials, all valid.");
      return ExitCodes.OK;
    }
    SweepRunner runner =
        new SweepRunner(workspace.plugins(), workspace.home(), nashCommand(workspace), out);
    if (cancel) {
      out.printf(
          "Cancelled %d queued or running trials of sweep %s; run the sweep again to resume them.%n",
          runner.cancel(plan), plan.sweep().name());
      return ExitCodes.OK;
    }
    if (detach) {
      try {
        runner.detach(plan);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--detach: " + e.getMessage());
      }
      out.printf(
          "Submitted. Follow the trials with: nash sweep %s --attach; cancel them with --cancel.%n",
          file);
      return ExitCodes.OK;
    }
    SweepRunner.Result result = runner.run(plan, retryFailed);
    out.printf("%d finished, %d failed.%n", result.finished(), result.failed());
    if (result.failed() > 0) {
      return ExitCodes.RUN_FAILED;
    }
    return result.missingMetric().isPresent() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
  }

  /**
   * This Nash, started again in a new JVM, from a copy of this build's jars that a rebuild cannot
   * change under a running sweep ({@link TrialClassPath}).
   */
  static List<String> nashCommand(Workspace workspace) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(TrialClassPath.current(workspace.home().root().resolve("runtime")));
    command.add(Nash.class.getName());
    return command;
  }
}
