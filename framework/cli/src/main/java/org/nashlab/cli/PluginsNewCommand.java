package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.sdk.NashVersion;
import org.nashlab.sdk.StarterKind;
import org.nashlab.sdk.StarterProject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a plugin project outside Nash's source tree: a working plugin of KIND named NAME,",
      "its test and an experiment using it. It builds against the SDK that 'nash sdk install'",
      "installs: cd NAME && mvn package."
    })
final class PluginsNewCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      description = "loss, regularizer, variant or dataset")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME", description = "the plugin's name, such as gp0")
  String name;

  @Option(names = "--dir", paramLabel = "DIR", description = "where to write it (default: ./NAME)")
  Path dir;

  @Option(
      names = "--package",
      paramLabel = "PACKAGE",
      description = "the Java package (default: org.example.NAME without dashes)")
  String javaPackage;

  @Option(
      names = "--group-id",
      paramLabel = "GROUP",
      description = "the Maven group id (default: ${DEFAULT-VALUE})",
      defaultValue = "org.example")
  String groupId;

  @Override
  public Integer call() {
    StarterKind starter =
        StarterKind.byLabel(kind)
            .orElseThrow(
                () ->
                    usage(
                        "KIND: '"
                            + kind
                            + "' has no starter; known: "
                            + String.join(
                                ", ",
                                Arrays.stream(StarterKind.values())
                                    .map(StarterKind::label)
                                    .toList())));
    StarterProject project;
    List<Path> written;
    Path target = dir == null ? Path.of(name) : dir;
    try {
      project =
          new StarterProject(
              starter,
              name,
              javaPackage == null ? StarterProject.defaultPackage(name) : javaPackage,
              groupId);
      written = project.writeTo(target);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Wrote a "
            + starter.label()
            + " plugin project in "
            + target
            + ": "
            + starter.example()
            + ".");
    written.forEach(file -> out.println("  " + file));
    out.println();
    out.println("It builds against org.nashlab:nash-api:" + NashVersion.current() + ":");
    out.println("  nash sdk install        # once: the API, the testkit and the parent pom");
    out.println("  cd " + target + " && mvn package");
    out.println("  cp " + project.jar() + " \"${NASH_PLUGINS:-$HOME/.nash/plugins}/\"");
    out.println("  nash run experiments/" + name + ".yaml");
    return ExitCodes.OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
