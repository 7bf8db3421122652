package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nashlab.sdk.NashVersion;
import org.nashlab.sdk.SdkInstall;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "sdk",
    mixinStandardHelpOptions = true,
    description = "What plugin projects outside Nash's source tree build against.",
    subcommands = {SdkCommand.Install.class})
final class SdkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: nash sdk install");
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Installs nash-api (with sources and javadoc), nash-testkit, the nash-core they run on",
        "and nash-plugin-parent into your local Maven repository, built from this source tree.",
        "Run it again after changing Nash, or after pulling a new version."
      })
  static final class Install implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--offline", description = "let Maven use only what is in the local repository")
    boolean offline;

    @Override
    public Integer call() {
      Path root = Path.of(System.getenv().getOrDefault("NASH_ROOT", "."));
      SdkInstall install = SdkInstall.of(root, offline);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Installing the Nash SDK " + NashVersion.current() + " with Maven...");
      out.flush();
      install.run();
      out.println("Installed into your local Maven repository (~/.m2/repository by default):");
      for (SdkInstall.Artifact artifact : SdkInstall.ARTIFACTS) {
        out.printf("  %-38s %s%n", artifact.coordinates(), artifact.purpose());
      }
      out.println("Start a plugin project with: nash plugins new regularizer my-penalty");
      return ExitCodes.OK;
    }
  }
}
