package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlflow.api.proto.Service;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.LabeledSource;
import org.nashlab.datasets.FashionMnistDataset;
import org.nashlab.datasets.Split;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;
import org.tensorflow.ndarray.Shape;

/** Image GANs on the real Fashion-MNIST files, fetched the way a user fetches them. */
@ExtendWith(MlflowServerExtension.class)
class ImageGanIT {
  @BeforeAll
  static void fetchFashionMnist() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
  }

  @Test
  void theRealFashionMnistFilesLoadWithBalancedLabels() {
    LabeledSource train =
        (LabeledSource)
            new FashionMnistDataset(new FashionMnistDataset.Params("", Split.TRAIN, false))
                .open(new DatasetContext(Path.of("unused")));
    assertEquals(Shape.of(28, 28, 1), train.sampleShape());
    assertEquals(10, train.classes());
    int n = 60_000;
    float[] images = new float[n * 784];
    int[] labels = new int[n];
    train.fillBatch(images, labels, n, new SplittableRandom(1));
    int[] counts = new int[10];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      counts[labels[i]]++;
    }
    for (float p : images) {
      sum += p;
    }
    for (int c : counts) {
      assertEquals(6000, c, 5 * Math.sqrt(6000));
    }
    // Fashion-MNIST's mean grey level is 72.94 of 255 (0.2860); scaled to [-1, 1] that is -0.428.
    assertEquals(0.2860 * 2 - 1, sum / images.length, 0.01);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "dcgan,projection",
    "mlp,concat",
    "dcgan,concat",
    "mlp,projection"
  })
  void cganTrainsWithOneSampleRowPerClass(
      String backbone, String conditioning, MlflowServerExtension.Server mlflow) throws Exception {
    NashProcess nash =
        NashProcess.run(
            Map.of("MLFLOW_TRACKING_URI", mlflow.uri()),
            "run",
            "experiments/cgan-fashion.yaml",
            "variant.backbone=" + backbone,
            "variant.conditioning=" + conditioning,
            "training.steps=30",
            "training.log-every=10",
            "training.sample-every=30");
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(nash.runUrl());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    BufferedImage grid =
        ImageIO.read(new ByteArrayInputStream(runs.artifact(runId, "samples/step-000030.png")));
    assertEquals(10 * (28 * 2 + 2) + 2, grid.getHeight(), "one row per class");
    assertEquals(8 * (28 * 2 + 2) + 2, grid.getWidth());
  }

  @Test
  void dcganTrainsOnThirtyTwoPixelColourImagesInCifarFormat(
      MlflowServerExtension.Server mlflow, @org.junit.jupiter.api.io.TempDir Path cifar)
      throws Exception {
    // Five CIFAR-10 binary batches of 64 records each: a label byte, then R, G and B planes.
    SplittableRandom random = new SplittableRandom(3);
    for (int batch = 1; batch <= 5; batch++) {
      byte[] bytes = new byte[64 * 3073];
      random.nextBytes(bytes);
      for (int r = 0; r < 64; r++) {
        bytes[r * 3073] = (byte) random.nextInt(10);
      }
      java.nio.file.Files.write(cifar.resolve("data_batch_" + batch + ".bin"), bytes);
    }
    NashProcess nash =
        NashProcess.run(
            Map.of("MLFLOW_TRACKING_URI", mlflow.uri()),
            "run",
            "experiments/dcgan-fashion.yaml",
            "name=dcgan-cifar-format",
            "training.eval-every=0",
            "dataset={name: cifar10, path: '" + cifar + "'}",
            "training.steps=20",
            "training.log-every=10",
            "training.sample-every=20");
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(nash.runUrl());
    assertEquals(cifar.toString(), runs.params(runId).get("dataset.path"));
    BufferedImage grid =
        ImageIO.read(new ByteArrayInputStream(runs.artifact(runId, "samples/step-000020.png")));
    assertEquals(8 * (32 * 2 + 2) + 2, grid.getWidth());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"wgan-fashion", "wgan-gp-fashion"})
  void theWganPresetsTrainAndLogTheWassersteinEstimate(
      String preset, MlflowServerExtension.Server mlflow) {
    NashProcess nash =
        NashProcess.run(
            Map.of("MLFLOW_TRACKING_URI", mlflow.uri()),
            "run",
            "experiments/" + preset + ".yaml",
            "training.steps=20",
            "training.log-every=10",
            "training.sample-every=0",
            // The last step would evaluate every metric on 10,000 samples, a minute of CI.
            "training.eval-every=0");
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(nash.runUrl());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    var estimate = runs.history(runId, "wasserstein/estimate");
    assertEquals(2, estimate.size());
    // The critic's loss is minus its estimate, plus any penalty.
    double lossD = runs.history(runId, "loss/d").get(1).getValue();
    double penalty =
        preset.equals("wgan-gp-fashion")
            ? runs.history(runId, "reg/gradient-penalty/d").get(1).getValue()
            : 0;
    assertEquals(-estimate.get(1).getValue() + penalty, lossD, 1e-4 * Math.max(1, Math.abs(lossD)));
  }

  @Test
  void dcganTrainsOnFashionMnistAndLogsSampleGridsAndEvaluationCurves(
      MlflowServerExtension.Server mlflow) throws Exception {
    NashProcess nash =
        NashProcess.run(
            Map.of("MLFLOW_TRACKING_URI", mlflow.uri()),
            "run",
            "experiments/dcgan-fashion.yaml",
            "training.steps=100",
            "training.log-every=10",
            "training.sample-every=50",
            "training.eval-every=50",
            // The experiment's metrics on 2000 samples instead of their default 10,000 (2500 for
            // mode coverage), to keep CI short.
            "metrics=[{name: fid, samples: 2000}, {name: kid, samples: 2000},"
                + " {name: inception-score, samples: 2000}, {name: precision-recall, samples: 2000},"
                + " {name: density-coverage, samples: 2000}, {name: mode-coverage, samples: 2000}]");
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(nash.runUrl());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    assertEquals(10, runs.history(runId, "loss/d").size());
    for (String key :
        java.util.List.of(
            "eval/fid",
            "eval/kid",
            "eval/kid-stderr",
            "eval/inception-score",
            "eval/precision",
            "eval/recall",
            "eval/density",
            "eval/coverage",
            "eval/modes-covered")) {
      var curve = runs.history(runId, key);
      assertEquals(
          java.util.List.of(50L, 100L),
          curve.stream().map(Service.Metric::getStep).sorted().toList(),
          key);
      curve.forEach(m -> assertTrue(Double.isFinite(m.getValue()), key + " " + m.getValue()));
    }
    // An untrained-to-barely-trained DCGAN is far from the data: a FID in the hundreds, not ~0.
    assertTrue(runs.history(runId, "eval/fid").get(0).getValue() > 20);
    for (String key :
        java.util.List.of("d/accuracy-real", "d/accuracy-fake", "grad-norm/d", "grad-norm/g")) {
      assertEquals(10, runs.history(runId, key).size(), key);
    }
    Map<String, String> tags = runs.tags(runId);
    assertTrue(tags.get("nash.features").startsWith("trained-classifier/"), tags.toString());
    double accuracy = Double.parseDouble(tags.get("nash.features.held-out-accuracy"));
    assertTrue(accuracy > 0.85, "the feature classifier's held-out accuracy: " + accuracy);
    assertTrue(tags.containsKey("nash.collapsed"));
    assertEquals(
        java.util.List.of("step-000050.png", "step-000100.png"),
        runs.artifactNames(runId, "samples"));
    BufferedImage grid =
        ImageIO.read(new ByteArrayInputStream(runs.artifact(runId, "samples/step-000100.png")));
    assertEquals(8 * (28 * 2 + 2) + 2, grid.getWidth());
    assertEquals(grid.getWidth(), grid.getHeight());
    int first = grid.getRGB(10, 10);
    boolean varies = false;
    for (int y = 2; y < grid.getHeight() && !varies; y += 7) {
      for (int x = 2; x < grid.getWidth() && !varies; x += 7) {
        varies = grid.getRGB(x, y) != first;
      }
    }
    assertTrue(varies, "the sample grid is one flat colour");
  }
}
