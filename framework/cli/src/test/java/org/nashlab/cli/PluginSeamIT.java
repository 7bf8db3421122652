package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * A plugin that refuses the experiment while the trial is built is an error in the experiment: exit
 * 2, naming the section and what the plugin expected, with no stack trace and no MLflow run.
 */
@ExtendWith(MlflowServerExtension.class)
class PluginSeamIT {
  private static final String QUICKSTART =
      NashProcess.REPO.resolve("experiments/quickstart.yaml").toString();

  private static void refused(
      MlflowServerExtension.Server mlflow, String name, String expected, String... overrides) {
    String[] args = new String[overrides.length + 4];
    args[0] = "run";
    args[1] = QUICKSTART;
    args[2] = "tracking.uri=" + mlflow.uri();
    args[3] = "name=" + name;
    System.arraycopy(overrides, 0, args, 4, overrides.length);
    CommandResult result = CommandResult.of(args);
    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertTrue(result.err().contains(expected), result.err());
    assertTrue(!result.err().contains("\tat org.nashlab"), "no stack trace: " + result.err());
    assertEquals(
        List.of(), mlflow.runs().runsOf(name), "no run for an experiment that cannot start");
  }

  @Test
  void aVariantRefusingTheDataNamesTheVariantSection(MlflowServerExtension.Server mlflow) {
    refused(
        mlflow,
        "dcgan-on-points",
        "variant: 'dcgan' cannot train on dataset 'ring': DCGAN needs square images whose side"
            + " divides by 2^depth = 4; its samples have shape [2]",
        "variant={name: dcgan}");
  }

  @Test
  void aConditionalVariantOnUnlabelledDataNamesTheVariantSection(
      MlflowServerExtension.Server mlflow) {
    refused(
        mlflow,
        "cgan-on-points",
        "variant: 'cgan' cannot train on dataset 'ring': a conditional GAN needs samples with"
            + " class labels; these carry none",
        "variant={name: cgan, backbone: mlp}");
  }

  @Test
  void aOneStreamVariantGivenNamedStreamsIsAnError(
      MlflowServerExtension.Server mlflow, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("two-streams.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "datasets:",
            "  real:  { name: ring }",
            "  extra: { name: grid }",
            "variant: { name: vanilla }",
            "loss: { name: non-saturating }",
            "optimizers:",
            "  generator: { name: adam }",
            "  discriminator: { name: adam }",
            "training: { steps: 10 }"));
    CommandResult result = CommandResult.of("run", file.toString(), "tracking.uri=" + mlflow.uri());
    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertTrue(
        result
            .err()
            .contains(
                "two-streams.yaml: variant: 'vanilla' cannot train on datasets.real 'ring',"
                    + " datasets.extra 'grid': reads one data stream, a dataset: section; this"
                    + " experiment names the streams real, extra"),
        result.err());
    assertEquals(List.of(), mlflow.runs().runsOf("two-streams"));
  }

  @Test
  void aStreamTheVariantNeedsButTheExperimentLacksIsAnError(MlflowServerExtension.Server mlflow) {
    refused(
        mlflow,
        "missing-stream",
        "variant: 'cyclegan' cannot train on dataset 'ring': CycleGAN reads the data streams a, b,"
            + " a-held-out, b-held-out (named under datasets:); this experiment has no a, b,"
            + " a-held-out, b-held-out (variant.held-out: false needs only a and b)",
        "variant={name: cyclegan}",
        "metrics=[]");
  }
}
