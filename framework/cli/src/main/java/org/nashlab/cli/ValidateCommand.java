package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.ResolvedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks an experiment without running it; reports every problem at once.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML")
  Path file;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides with dotted keys")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--print", description = "print the resolved experiment, defaults filled in")
  boolean print;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() {
    ExperimentSpec experiment =
        Workspace.open(spec.commandLine().getErr()).experiment(file, overrides);
    if (print) {
      out().print(ResolvedConfig.of(experiment).toYaml());
    }
    out().println(file + " is valid.");
    return ExitCodes.OK;
  }
}
