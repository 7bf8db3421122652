package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * StyleGAN2, a variant with its own program, on real Fashion-MNIST with small networks: the lazy
 * regularisers log on the steps they run, the picture holds its three panels, and a run stopped
 * between regularised steps resumes with exactly the curves of one never stopped (the running
 * averages of w and of the path lengths are checkpointed). One run serves both, to keep CI short.
 */
@ExtendWith(MlflowServerExtension.class)
class StyleGan2IT {
  private static final String[] SMALL = {
    "run",
    "experiments/stylegan2-fashion.yaml",
    "variant.latent-dim=16",
    "variant.mapping-layers=2",
    "variant.fmap-base=128",
    "variant.fmap-max=16",
    "variant.r1-gamma=1",
    "training.batch-size=8",
    "training.eval-every=0",
    "metrics=[]"
  };

  @TempDir Path home;

  @BeforeAll
  static void fetchFashionMnist() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
  }

  /**
   * oneDNN off: on an Intel Xeon with AVX-512 (December 2026) its kernels returned empty batches
   * with the wrong channels, and the lazy regularisers' 0-row steps failed in the gradient
   * ("Incompatible shapes: [0,16,16,16] vs. [0,1,1,8]"), at 425e414 as well; with Eigen's kernels
   * the test passes. A known bug of StyleGAN2 on such machines (README), not fixed yet.
   */
  private Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of(
        "MLFLOW_TRACKING_URI",
        mlflow.uri(),
        "NASH_HOME",
        home.toString(),
        "TF_ENABLE_ONEDNN_OPTS",
        "0");
  }

  /**
   * R1 every 16 steps and path length every 4, logged every 4: R1 at 16, 32 and 48, path length at
   * every logged step. The same run stopped after step 20 and resumed logs exactly the same curves.
   */
  @Test
  void theLazyRegularisersLogOnTheirStepsAndAStoppedRunResumesWithTheSameCurves(
      MlflowServerExtension.Server mlflow) throws Exception {
    String[] config =
        with(
            SMALL,
            "training.steps=48",
            "training.log-every=4",
            "training.checkpoint-every=6",
            "training.sample-every=48");
    MlflowRuns runs = mlflow.runs();
    NashProcess reference = NashProcess.run(env(mlflow), with(config, "name=stylegan2-reference"));
    assertEquals(0, reference.exitCode(), reference.out() + reference.err());
    String referenceId = MlflowRuns.runIdOf(reference.runUrl());
    assertEquals(Service.RunStatus.FINISHED, runs.run(referenceId).getInfo().getStatus());
    assertEquals(List.of(16L, 32L, 48L), steps(runs, referenceId, "reg/r1/d"));
    List<Long> everyLog = LongStream.rangeClosed(1, 12).map(i -> 4 * i).boxed().toList();
    assertEquals(everyLog, steps(runs, referenceId, "reg/path-length/g"));
    assertEquals(everyLog, steps(runs, referenceId, "loss/d"));
    Map<Long, Double> average = runs.curve(referenceId, "stylegan2/path-length-average");
    assertTrue(average.values().stream().allMatch(a -> a > 0), "path-length average " + average);
    // 8 columns by 16 rows (samples, the mixing grid, the truncation strip) of 28 x 28 cells at
    // zoom 2, 58 px a cell.
    BufferedImage picture =
        ImageIO.read(
            new ByteArrayInputStream(runs.artifact(referenceId, "samples/step-000048.png")));
    assertEquals(8, Math.round(picture.getWidth() / 58.0), "columns in " + picture.getWidth());
    assertEquals(16, Math.round(picture.getHeight() / 58.0), "rows in " + picture.getHeight());

    NashProcess.Running running =
        NashProcess.start(env(mlflow), with(config, "name=stylegan2-interrupted"));
    String runId = runs.awaitPoints("stylegan2-interrupted", "loss/g", 5);
    running.terminate();
    NashProcess stopped = running.await();
    assertEquals(Service.RunStatus.KILLED, runs.run(runId).getInfo().getStatus(), stopped.err());
    NashProcess resumed = NashProcess.run(env(mlflow), "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    long from = Long.parseLong(runs.tags(runId).get("nash.resumed-from-step"));
    assertTrue(from < 32, "resumed from step " + from + ", before the R1 step 32");
    for (String key :
        List.of(
            "loss/d", "loss/g", "reg/r1/d", "reg/path-length/g", "stylegan2/path-length-average")) {
      assertEquals(runs.curve(referenceId, key), runs.curve(runId, key), key);
    }
  }

  private static List<Long> steps(MlflowRuns runs, String runId, String key) {
    return runs.history(runId, key).stream().map(Service.Metric::getStep).sorted().toList();
  }

  private static String[] with(String[] config, String... extra) {
    String[] all = Arrays.copyOf(config, config.length + extra.length);
    System.arraycopy(extra, 0, all, config.length, extra.length);
    return all;
  }
}
