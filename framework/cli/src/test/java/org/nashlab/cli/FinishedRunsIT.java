package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;
import org.nashlab.testkit.NumpyReference;

/**
 * {@code nash sample} and {@code nash evaluate} on finished runs: the samples read back by numpy
 * and ImageIO, the metrics logged into the same runs under the namespace of their feature network.
 */
@ExtendWith(MlflowServerExtension.class)
class FinishedRunsIT {
  @TempDir Path home;
  @TempDir Path out;

  @Test
  void pointsOfAQuickstartRunComeOutAsNpyAndCsvOfTheSameValuesFromAnyKeptStep(
      MlflowServerExtension.Server mlflow) throws Exception {
    Map<String, String> env =
        Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
    NashProcess run =
        NashProcess.run(
            env,
            "run",
            "experiments/quickstart.yaml",
            "training.steps=200",
            "training.checkpoint-every=100",
            "training.keep-checkpoints=true",
            "training.eval-every=0",
            "training.sample-every=0");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    String runId = MlflowRuns.runIdOf(run.runUrl());

    Path npy = out.resolve("ring.npy");
    Path csv = out.resolve("ring.csv");
    Path early = out.resolve("early.npy");
    sample(env, runId, "--n", "3000", "--seed", "7", "--out", npy.toString());
    sample(env, runId, "--n", "3000", "--seed", "7", "--out", csv.toString());
    sample(env, runId, "--n", "3000", "--seed", "7", "--step", "100", "--out", early.toString());
    String provenance = Files.readString(Path.of(npy + ".json"));
    assertTrue(
        provenance.contains("\"step\" : 200") && provenance.contains("\"latent-seed\" : 7"),
        provenance);

    Map<String, Double> numpy =
        NumpyReference.run(
            String.join(
                "\n",
                "import numpy as np",
                "a = np.load('ring.npy')",
                "c = np.loadtxt('ring.csv', delimiter=',', skiprows=1, dtype=np.float32)",
                "e = np.load('early.npy')",
                "print('rows', a.shape[0])",
                "print('columns', a.shape[1])",
                "print('float32', float(a.dtype == np.float32))",
                "print('csv_difference', float(np.abs(a - c).max()))",
                "print('step_difference', float(np.abs(a - e).max()))",
                "print('radius', float(np.sqrt((a ** 2).sum(axis=1)).mean()))"),
            out);
    assertEquals(3000, numpy.get("rows"));
    assertEquals(2, numpy.get("columns"));
    assertEquals(1, numpy.get("float32"));
    assertEquals(0, numpy.get("csv_difference"), "the CSV holds the same floats");
    assertNotEquals(0, numpy.get("step_difference"), "step 100's weights are not step 200's");
    assertTrue(Double.isFinite(numpy.get("radius")), numpy.toString());

    NashProcess missing = NashProcess.run(env, "sample", runId, "--step", "150");
    assertEquals(ExitCodes.INVALID_INPUT, missing.exitCode());
    assertTrue(
        missing.err().contains("kept no checkpoint of step 150; it kept [100, 200]"),
        missing.err());
    NashProcess picture = NashProcess.run(env, "sample", runId, "--out", "x.png");
    assertEquals(ExitCodes.INVALID_INPUT, picture.exitCode());
    assertTrue(picture.err().contains("these samples have shape [2]"), picture.err());

    // Trained without evaluation: evaluate computes the experiment's metrics at every kept step.
    NashProcess evaluated = NashProcess.run(env, "evaluate", runId, "--every");
    assertEquals(0, evaluated.exitCode(), evaluated.out() + evaluated.err());
    MlflowRuns runs = mlflow.runs();
    assertEquals(
        java.util.List.of(100L, 200L),
        runs.history(runId, "eval/modes-covered").stream()
            .map(org.mlflow.api.proto.Service.Metric::getStep)
            .sorted()
            .toList());
    assertEquals("100,200", runs.tags(runId).get("nash.reevaluated.eval"));
    assertEquals(
        org.mlflow.api.proto.Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    NashProcess otherSettings =
        NashProcess.run(
            env, "evaluate", runId, "metrics=[{name: mode-coverage, high-quality: box}]");
    assertEquals(ExitCodes.INVALID_INPUT, otherSettings.exitCode());
    assertTrue(
        otherSettings.err().contains("metric mode-coverage ran with other settings"),
        otherSettings.err());
    NashProcess notEvaluation = NashProcess.run(env, "evaluate", runId, "training.steps=5");
    assertEquals(ExitCodes.INVALID_INPUT, notEvaluation.exitCode());
    assertTrue(
        notEvaluation.err().contains("only features and metrics can be changed"),
        notEvaluation.err());
  }

  @Test
  void imagesOfADcganRunComeOutAsFilesAndItsFidGoesUnderTheNamespaceOfEachFeatureNetwork(
      MlflowServerExtension.Server mlflow) throws Exception {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
    Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", mlflow.uri());
    NashProcess run =
        NashProcess.run(
            env,
            "run",
            "experiments/dcgan-fashion.yaml",
            "training.steps=20",
            "training.eval-every=0",
            "training.sample-every=0",
            "regularizers=[{name: ema}]",
            "metrics=[{name: fid, samples: 1000}]");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    String runId = MlflowRuns.runIdOf(run.runUrl());

    Path npy = out.resolve("fashion.npy");
    NashProcess drawn = sample(env, runId, "--n", "100", "--out", npy.toString());
    assertTrue(drawn.out().contains("(averaged weights)"), drawn.out());
    Map<String, Double> numpy =
        NumpyReference.run(
            String.join(
                "\n",
                "import numpy as np",
                "a = np.load('fashion.npy')",
                "print('shape', float(a.shape == (100, 28, 28, 1)))",
                "print('low', float(a.min()))",
                "print('high', float(a.max()))"),
            out);
    assertEquals(1, numpy.get("shape"));
    assertTrue(numpy.get("low") >= -1 && numpy.get("high") <= 1, numpy.toString());

    Path grid = out.resolve("grid.png");
    sample(env, runId, "--n", "32", "--out", grid.toString());
    BufferedImage picture = ImageIO.read(grid.toFile());
    // 16 columns and 2 rows of 28-pixel images with 2-pixel gaps.
    assertEquals(16 * 30 + 2, picture.getWidth());
    assertEquals(2 * 30 + 2, picture.getHeight());

    Path folder = out.resolve("images");
    sample(env, runId, "--n", "12", "--out", folder.toString());
    try (Stream<Path> files = Files.list(folder)) {
      var names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertEquals(12, names.size());
      assertEquals("sample-00000.png", names.get(0));
    }
    BufferedImage one = ImageIO.read(folder.resolve("sample-00011.png").toFile());
    assertEquals(28, one.getWidth());
    assertEquals(28, one.getHeight());

    // The run's own network (it had none yet) gives eval/fid; another one eval-FEATURES/fid.
    MlflowRuns runs = mlflow.runs();
    evaluate(env, runId);
    assertEquals(1, runs.history(runId, "eval/fid").size());
    String own = runs.tags(runId).get("nash.features");
    assertTrue(own != null && !own.isEmpty(), runs.tags(runId).toString());
    evaluate(env, runId, "features.steps=200");
    assertEquals(1, runs.history(runId, "eval-trained-classifier/fid").size());
    String other = runs.tags(runId).get("nash.features/eval-trained-classifier");
    assertNotEquals(own, other);
    assertEquals(1, runs.history(runId, "eval/fid").size(), "the run's own values stay apart");
    NashProcess third = NashProcess.run(env, "evaluate", runId, "features.steps=300");
    assertEquals(ExitCodes.INVALID_INPUT, third.exitCode());
    assertTrue(
        third.err().contains("values of two networks cannot share a namespace"), third.err());
  }

  private static void evaluate(Map<String, String> env, String runId, String... overrides) {
    succeeded(env, "evaluate", runId, overrides);
  }

  /** {@code nash COMMAND RUN_ID ARGUMENTS...}, which must succeed. */
  private static NashProcess succeeded(
      Map<String, String> env, String command, String runId, String... arguments) {
    String[] args = new String[arguments.length + 2];
    args[0] = command;
    args[1] = runId;
    System.arraycopy(arguments, 0, args, 2, arguments.length);
    NashProcess nash = NashProcess.run(env, args);
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    return nash;
  }

  private static NashProcess sample(Map<String, String> env, String runId, String... options) {
    return succeeded(env, "sample", runId, options);
  }
}
