package org.nashlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.api.Doc;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;
import org.nashlab.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every plugin by kind, with its parameters, defaults and docs.",
      "Then names each plugin jar that cannot be loaded, with its cause, and exits 3."
    })
final class PluginsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "only this kind (variant, loss, ...)")
  String kind;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() {
    PluginRegistry plugins = Workspace.openSkippingBrokenJars().plugins();
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
    plugins.requireEveryJarLoaded();
    return ExitCodes.OK;
  }
}
