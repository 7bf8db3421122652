package org.nashlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nashlab.api.Samples;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.train.RunSamples;
import org.nashlab.train.SampleFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Draws samples from a run's checkpoint on this machine (the EMA generator when the run"
          + " averaged) and writes them as .npy, .csv, a .png grid or a folder of PNGs.",
      "Beside the samples, FILE.json records the run, the step, the latent seed and the format."
    },
    footer = {
      "",
      "Examples:",
      "  nash sample 9181bc168c324cc0ac1e33f0436c91af --out ring.npy",
      "  nash sample 9181bc168c324cc0ac1e33f0436c91af --step 2000 --n 64 --out grid.png"
    })
final class SampleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_ID", description = "the MLflow run")
  String runId;

  @Option(
      names = "--step",
      paramLabel = "N",
      description =
          "the checkpoint's step (default: the last; training.keep-checkpoints keeps all)")
  Long step;

  @Option(
      names = "--n",
      paramLabel = "COUNT",
      defaultValue = "10000",
      description = "samples to draw (default: ${DEFAULT-VALUE})")
  int count;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "seed of the latents (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "where to write: .npy, .csv (vectors), .png (a grid of images) or a folder name without"
              + " an extension (one PNG per image); default RUN_ID-step-N.npy")
  Path out;

  @Override
  public Integer call() {
    if (count < 1 || count > 1_000_000) {
      throw usage("--n must be in [1, 1000000], got " + count);
    }
    Workspace workspace = Workspace.open(spec.commandLine().getErr());
    RunCheckpoints checkpoints = RunCheckpoints.of(workspace, runId, spec.commandLine());
    List<Long> steps = checkpoints.steps();
    long chosen = step == null ? checkpoints.last() : step;
    if (!steps.contains(chosen)) {
      throw usage(
          "run "
              + runId
              + " kept no checkpoint of step "
              + chosen
              + "; it kept "
              + steps
              + " (training.keep-checkpoints: true keeps every one)");
    }
    Path target = out != null ? out : Path.of(runId + "-step-" + chosen + ".npy");
    SampleFiles.Format format;
    try {
      format = SampleFiles.Format.of(target);
    } catch (IllegalArgumentException e) {
      throw usage("--out " + e.getMessage());
    }
    // Evaluation off: sampling needs no metric and no feature network.
    ExperimentSpec experiment =
        workspace.experiment(checkpoints.config(), List.of("training.eval-every=0"));
    try (RunSamples run =
        RunSamples.open(experiment, workspace.plugins(), workspace.home(), runId, chosen)) {
      Samples samples = run.draw(count, seed);
      List<Path> written;
      try {
        written = SampleFiles.write(samples, target);
      } catch (IllegalArgumentException e) {
        throw usage("--out " + e.getMessage());
      }
      Path provenance = Path.of(target + ".json");
      writeProvenance(provenance, run, samples, format);
      spec.commandLine()
          .getOut()
          .println(
              "Wrote "
                  + count
                  + " samples of shape "
                  + samples.shape()
                  + " from step "
                  + chosen
                  + (run.averaged() ? " (averaged weights)" : "")
                  + " to "
                  + (written.size() == 1 ? target : target + " (" + written.size() + " files)")
                  + "; "
                  + provenance
                  + " says how.");
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private void writeProvenance(
      Path file, RunSamples run, Samples samples, SampleFiles.Format format) throws IOException {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("run", runId);
    record.put("step", run.step());
    record.put("samples", samples.count());
    record.put("shape", samples.shape().asArray());
    record.put("latent-seed", seed);
    record.put("weights", run.averaged() ? "averaged (ema)" : "trained");
    record.put("format", format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    record.put("values", "as generated: images in [-1, 1], points in data units");
    Files.writeString(
        file,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(record));
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
