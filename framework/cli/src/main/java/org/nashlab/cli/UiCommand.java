package org.nashlab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nashlab.config.NashHome;
import org.nashlab.track.EmbeddedMlflow;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Starts Nash's local MLflow server in the foreground and prints the UI's address.",
      "If it already runs in the background, prints its address instead."
    })
final class UiCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() throws InterruptedException {
    NashHome home = NashHome.fromEnvironment();
    Optional<String> running = EmbeddedMlflow.running(home);
    if (running.isPresent()) {
      out().println("MLflow UI: " + running.get() + " (already running in the background)");
      return ExitCodes.OK;
    }
    return EmbeddedMlflow.runInForeground(home) == 0 ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
  }
}
