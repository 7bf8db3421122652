package org.nashlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nashlab.report.ReportLoader;
import org.nashlab.report.ReportRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Reports on sweeps: runs grouped by factors, intervals and tests against a baseline, failures"
          + " counted, charts; written to reports/out/NAME/ and attached to each sweep's parent run."
    })
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the report YAML (reports/NAME.yaml)")
  Path file;

  @Override
  public Integer call() {
    Workspace workspace = Workspace.open(spec.commandLine().getErr());
    Path page =
        new ReportRunner(workspace.plugins()).run(ReportLoader.load(file, workspace.plugins()));
    spec.commandLine().getOut().println("Report: " + page.toAbsolutePath().normalize());
    return ExitCodes.OK;
  }
}
