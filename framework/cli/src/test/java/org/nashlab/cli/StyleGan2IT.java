package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * averages of w and of the path lengths are checkpointed).
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
    "training.sample-every=0",
    "training.eval-every=0",
    "metrics=[]"
  };

  @TempDir Path home;

  @BeforeAll
  static void fetchFashionMnist() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
  }

  private Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
  }

  /** R1 every 16 steps and path length every 4, logged every 8: R1 at 16 and 32, PL at all four. */
  @Test
  void theLazyRegularisersLogOnTheStepsTheyRunAndThePictureHasThreePanels(
      MlflowServerExtension.Server mlflow) throws Exception {
    NashProcess nash =
        NashProcess.run(
            env(mlflow),
            with(
                SMALL,
                "name=stylegan2-lazy",
                "training.steps=32",
                "training.log-every=8",
                "training.sample-every=32"));
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(nash.runUrl());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    assertEquals(List.of(16L, 32L), steps(runs, runId, "reg/r1/d"));
    assertEquals(List.of(8L, 16L, 24L, 32L), steps(runs, runId, "reg/path-length/g"));
    assertEquals(List.of(8L, 16L, 24L, 32L), steps(runs, runId, "loss/d"));
    Map<Long, Double> average = runs.curve(runId, "stylegan2/path-length-average");
    assertTrue(average.values().stream().allMatch(a -> a > 0), "path-length average " + average);
    // 8 columns by 16 rows (samples, the mixing grid, the truncation strip) of 28 x 28 cells at
    // zoom 2, 58 px a cell.
    BufferedImage picture =
        ImageIO.read(new ByteArrayInputStream(runs.artifact(runId, "samples/step-000032.png")));
    assertEquals(8, Math.round(picture.getWidth() / 58.0), "columns in " + picture.getWidth());
    assertEquals(16, Math.round(picture.getHeight() / 58.0), "rows in " + picture.getHeight());
  }

  @Test
  void aStoppedRunResumesWithTheSameCurves(MlflowServerExtension.Server mlflow) throws Exception {
    String[] config =
        with(SMALL, "training.steps=60", "training.log-every=4", "training.checkpoint-every=6");
    MlflowRuns runs = mlflow.runs();
    NashProcess reference = NashProcess.run(env(mlflow), with(config, "name=stylegan2-reference"));
    assertEquals(0, reference.exitCode(), reference.err());
    String referenceId = MlflowRuns.runIdOf(reference.runUrl());

    NashProcess.Running running =
        NashProcess.start(env(mlflow), with(config, "name=stylegan2-interrupted"));
    String runId = runs.awaitPoints("stylegan2-interrupted", "loss/g", 5);
    running.terminate();
    NashProcess stopped = running.await();
    assertEquals(Service.RunStatus.KILLED, runs.run(runId).getInfo().getStatus(), stopped.err());
    NashProcess resumed = NashProcess.run(env(mlflow), "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    long from = Long.parseLong(runs.tags(runId).get("nash.resumed-from-step"));
    assertTrue(from < 48, "resumed from step " + from + ", before the R1 step 48");
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
