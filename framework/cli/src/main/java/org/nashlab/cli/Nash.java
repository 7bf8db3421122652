package org.nashlab.cli;

import org.nashlab.api.NashException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nash}: runs GAN experiments as plugins and logs them to MLflow. */
@Command(
    name = "nash",
    mixinStandardHelpOptions = true,
    versionProvider = Nash.Version.class,
    description = "Runs GAN stability experiments on TensorFlow Java and logs them to MLflow.",
    subcommands = {
      RunCommand.class,
      SweepCommand.class,
      ReportCommand.class,
      TrialCommand.class,
      SampleCommand.class,
      EvaluateCommand.class,
      ValidateCommand.class,
      PluginsCommand.class,
      SdkCommand.class,
      DataCommand.class,
      BenchCommand.class,
      UiCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the run finished with failures (diverged)",
      "2:invalid input (experiment, arguments)",
      "3:environment problem (MLflow, dataset, native library); the message says what to do"
    })
public final class Nash implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Nash.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code, for tests and {@link #main}. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Nash());
    cli.setExecutionExceptionHandler(Nash::handle);
    cli.setParameterExceptionHandler(Nash::usageError);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof NashException nash) {
      cli.getErr().println(nash.getMessage());
      return nash.exitCode();
    }
    log.error("nash failed unexpectedly", e);
    return ExitCodes.RUN_FAILED;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println(e.getMessage());
    cli.getErr()
        .println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCodes.INVALID_INPUT;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Nash.class.getPackage().getImplementationVersion();
      return new String[] {"nash " + (version == null ? "development build" : version)};
    }
  }
}
