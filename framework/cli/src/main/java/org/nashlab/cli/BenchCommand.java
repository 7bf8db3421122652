package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.train.Benchmark;
import org.nashlab.train.FidBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures training iterations per second (one iteration: d-steps D updates and one G update).",
      "NAME is a file in benchmarks/ (dcgan, quickstart, sweep, fid) or any experiment file.",
      "A sweep file (sweep) is timed at parallelism 1 and 2, with the overhead per trial.",
      "fid times FID on 10,000 generated samples: generating, features, statistics and distance.",
      "Also prints one iteration's FLOPs, counted from TensorFlow's trace, and the share of",
      "this machine's float32 MatMul peak (measured in the same process) the step reached.",
      "Compare ratios measured in one session; absolute times on a shared machine are noise."
    },
    footer = {"", "Example: nash bench dcgan --repeats 5"})
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "benchmark name or experiment file")
  String name;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides with dotted keys")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--warmup",
      defaultValue = "30",
      description = "untimed iterations first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(
      names = "--iterations",
      defaultValue = "100",
      description = "iterations per timed repeat (default ${DEFAULT-VALUE})")
  int iterations;

  @Option(
      names = "--repeats",
      defaultValue = "5",
      description = "timed repeats; the median is reported (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(
      names = "--profile",
      description = "print where one traced iteration's kernel time goes, by op and by kernel")
  boolean profile;

  @Option(names = "--json", description = "end with the result as one line of JSON")
  boolean json;

  @Override
  public Integer call() {
    Path file = resolve();
    Workspace workspace = Workspace.open(spec.commandLine().getErr());
    if (isSweep(file)) {
      SweepBenchmark.measure(
          file, workspace, SweepCommand.nashCommand(workspace), spec.commandLine().getOut());
      return ExitCodes.OK;
    }
    ExperimentSpec experiment = workspace.experiment(file, overrides);
    if (name.equals("fid")) {
      List<String> testSplit = new ArrayList<>(overrides);
      testSplit.add("dataset.split=test");
      FidReport.print(
          FidBenchmark.measure(
              experiment,
              workspace.experiment(file, testSplit),
              workspace.plugins(),
              workspace.home()),
          spec.commandLine().getOut());
      return ExitCodes.OK;
    }
    Benchmark.Result result =
        Benchmark.measure(
            experiment, workspace.plugins(), workspace.home(), warmup, iterations, repeats);
    BenchOutput output = new BenchOutput(name, experiment.training().batchSize(), result);
    PrintWriter out = spec.commandLine().getOut();
    output.summary(out);
    if (profile) {
      output.profile(out);
    }
    if (json) {
      output.json(out);
    }
    return ExitCodes.OK;
  }

  /** A sweep file names a base experiment; an experiment file does not. */
  private static boolean isSweep(Path file) {
    try {
      return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("experiment:"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path resolve() {
    Path direct = Path.of(name);
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    Path root = Path.of(System.getenv().getOrDefault("NASH_ROOT", "."));
    Path named = root.resolve("benchmarks").resolve(name + ".yaml");
    if (Files.isRegularFile(named)) {
      return named;
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "'" + name + "' is neither a file nor a benchmark in " + root.resolve("benchmarks"));
  }
}
