package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.api.Doc;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.DiscoveryProblem;
import org.nashlab.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    subcommands = {PluginsNewCommand.class},
    description = {
      "Lists every plugin by kind, with its parameters, defaults and docs.",
      "Then names each jar or plugin that cannot be used, with the fix, and exits 3.",
      "With --check JAR, checks one jar's plugins against the plugin contract instead."
    })
final class PluginsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "only this kind (variant, loss, ...)")
  String kind;

  @Option(
      names = "--check",
      paramLabel = "JAR",
      description =
          "check this jar's plugins, loaded with the built-ins: discovery, @Doc on each plugin and"
              + " parameter, built from defaults; exit 2 if any problem")
  Path check;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() {
    if (check != null) {
      return JarCheck.run(check, out());
    }
    PluginRegistry plugins = Workspace.discover(NashHome.fromEnvironment()).plugins();
    List<PluginKind> kinds =
        kind == null
            ? Arrays.asList(PluginKind.values())
            : List.of(
                PluginKind.byLabel(kind)
                    .orElseThrow(
                        () ->
                            new picocli.CommandLine.ParameterException(
                                spec.commandLine(),
                                "'"
                                    + kind
                                    + "' is not a plugin kind; known: "
                                    + String.join(
                                        ", ",
                                        Arrays.stream(PluginKind.values())
                                            .map(PluginKind::label)
                                            .toList()))));
    for (PluginKind k : kinds) {
      List<PluginSpec> specs = plugins.all(k);
      out().println(k.label() + (specs.isEmpty() ? ": (none yet)" : ":"));
      for (PluginSpec spec : specs) {
        Doc doc = spec.type().getAnnotation(Doc.class);
        out().println("  " + spec.name() + (doc == null ? "" : "  -  " + doc.value()));
        ParameterTable.rows(PluginRegistry.parameterSpecs(spec)).forEach(out()::println);
      }
    }
    // After the listing, so the user sees what works; exit 3 so that scripts see what does not.
    List<DiscoveryProblem> problems = plugins.problems();
    if (problems.isEmpty()) {
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
            + " found while discovering plugins; what they concern is left out:");
    problems.forEach(problem -> err.println("  " + problem));
    return ExitCodes.ENVIRONMENT;
  }
}
