package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  private static Path repo(String path) {
    return Path.of(System.getProperty("nash.repo.root", "../..")).resolve(path);
  }

  @Test
  void theQuickstartIsValidAndPrintsWithDefaultsFilledIn() {
    CommandResult result =
        CommandResult.of("validate", repo("experiments/quickstart.yaml").toString(), "--print");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("generator-depth: 2"), result.out());
    assertTrue(result.out().endsWith("quickstart.yaml is valid.\n"), result.out());
  }

  @Test
  void everyProblemIsReportedAtOnceWithFileKeyValueAndWhatWasExpected() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("broken.yaml"),
            String.join(
                "\n",
                "dataset: { name: rnig }",
                "variant: { name: vanilla, latent-dimm: 8 }",
                "loss: { name: non-saturatin }",
                "optimizers:",
                "  generator: { name: adam, lr: fast }",
                "  discriminator: { name: adam, beta1: 1.5 }",
                "training: { steps: 0 }",
                "trainig: { seed: 3 }",
                ""));
    CommandResult result = CommandResult.of("validate", file.toString(), "training.batch-size=-1");
    assertEquals(2, result.exitCode());
    String f = file.toString();
    String[] expected = {
      "8 problems in the experiment:",
      f + ": trainig: is not a section of an experiment; did you mean 'training'?",
      f
          + ": dataset.name: 'rnig' is not a dataset; did you mean 'ring'? Known: cifar10, fashion-mnist,"
          + " grid, image-folder, mnist, oracle-sequences, ring, stacked-mnist, text-lines",
      f + ": variant.latent-dimm: is not a parameter; did you mean 'latent-dim'?",
      f
          + ": loss.name: 'non-saturatin' is not a loss; did you mean 'non-saturating'? Known: hinge,"
          + " least-squares, minimax, non-saturating, relativistic, wasserstein",
      f + ": optimizers.generator.lr: 'fast' is not a finite number",
      f + ": optimizers.discriminator.beta1: must be in [0, 1), got 1.5",
      f + ": training.steps: must be > 0, got 0",
      "command line: training.batch-size: must be in [1, 65536] (a batch is one tensor per step;"
          + " papers use 64 to 2,048), got -1",
    };
    for (String line : expected) {
      assertTrue(result.err().contains(line), "missing:\n" + line + "\nin:\n" + result.err());
    }
  }

  @Test
  void aFileLookupIsNotExpandedAndIsReported() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("sneaky.yaml"),
            Files.readString(repo("experiments/quickstart.yaml"))
                .replace("name: quickstart", "name: '${file:UTF-8:/etc/hostname}'"));
    CommandResult result = CommandResult.of("validate", file.toString());
    assertEquals(2, result.exitCode());
    assertTrue(
        result
            .err()
            .contains(
                "name: '${file:UTF-8:/etc/hostname}' cannot be expanded: Nash expands only ${env:NAME},"),
        result.err());
  }

  @Test
  void aVariantThatCannotTrainOnTheDatasetIsRefusedNamingBoth() throws IOException {
    Path file = quickstartWith("variant: { name: dcgan }");
    CommandResult result = CommandResult.of("validate", file.toString());
    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertTrue(
        result
            .err()
            .contains(
                file
                    + ": variant: 'dcgan' cannot train on dataset 'ring': DCGAN needs square images"
                    + " whose side divides by 2^depth = 4; its samples have shape [2]"),
        result.err());
  }

  @Test
  void aConditionalGanOnUnlabelledPointsIsRefusedForTheMissingLabels() throws IOException {
    Path file = quickstartWith("variant: { name: cgan, backbone: mlp }");
    CommandResult result = CommandResult.of("validate", file.toString());
    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertTrue(
        result
            .err()
            .contains(
                "1 problem in the experiment:\n  "
                    + file
                    + ": variant: 'cgan' cannot train on dataset 'ring': a conditional GAN needs"
                    + " samples with class labels; these carry none (try mnist, fashion-mnist,"
                    + " cifar10 or image-folder)"),
        result.err());
  }

  /** The quickstart with another {@code variant:} line. */
  private Path quickstartWith(String variant) throws IOException {
    return Files.writeString(
        dir.resolve("variant.yaml"),
        Files.readString(repo("experiments/quickstart.yaml"))
            .replaceFirst("variant:\\s*\\{[^}]*}", variant));
  }

  @Test
  void aMissingFileIsInvalidInput() {
    CommandResult result = CommandResult.of("validate", dir.resolve("nope.yaml").toString());
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("nope.yaml' does not exist"), result.err());
  }

  @Test
  void aUsageErrorPointsToHelp() {
    CommandResult result = CommandResult.of("run", "--frobnicate");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Try 'nash run --help' for more information."), result.err());
  }
}
