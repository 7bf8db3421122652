package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
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
 * ProGAN, a variant with its own program, on real Fashion-MNIST: it grows through every resolution
 * on a short schedule, logging where it is, and a run stopped in the middle of a fade resumes with
 * exactly the losses of one never stopped.
 */
@ExtendWith(MlflowServerExtension.class)
class ProGanIT {
  private static final String EXPERIMENT = "experiments/progan-fashion.yaml";

  @TempDir Path home;

  @BeforeAll
  static void fetchFashionMnist() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
  }

  private Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
  }

  /**
   * 640 images per phase at batch 32 are 20 steps: 4 x 4 alone for steps 1-20, then each of 8, 16
   * and 32 fading in over 20 steps and alone for 20; 32 x 32 from step 121 on.
   */
  @Test
  void growsThroughEveryResolutionAndEvaluatesAtTheEndOfPhases(MlflowServerExtension.Server mlflow)
      throws Exception {
    NashProcess nash =
        NashProcess.run(
            env(mlflow),
            "run",
            EXPERIMENT,
            "variant.stabilise-images=640",
            "variant.fade-images=640",
            "metrics=[{name: fid, samples: 500}]",
            "training.steps=160",
            "training.log-every=5",
            "training.sample-every=80",
            "training.eval-every=80");
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(nash.runUrl());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    Map<Long, Double> resolution = runs.curve(runId, "progan/resolution");
    Map<Long, Double> alpha = runs.curve(runId, "progan/alpha");
    assertEquals(32, resolution.size());
    for (long step = 5; step <= 160; step += 5) {
      int phase = (int) ((step - 1) / 20);
      double expectedResolution = 4 << ((phase + 1) / 2);
      double expectedAlpha = phase % 2 == 1 ? (step - 1 - 20 * phase) / 20.0 : 1;
      if (phase > 6) {
        expectedResolution = 32;
        expectedAlpha = 1;
      }
      assertEquals(expectedResolution, resolution.get(step), "resolution at step " + step);
      assertEquals(expectedAlpha, alpha.get(step), 1e-6, "alpha at step " + step);
    }
    for (String key : List.of("loss/d", "loss/g", "reg/gradient-penalty/d", "reg/drift/d")) {
      assertEquals(32, runs.history(runId, key).size(), key);
    }
    List<Service.Metric> fid = runs.history(runId, "eval/fid");
    assertEquals(List.of(80L, 160L), fid.stream().map(Service.Metric::getStep).toList());
    assertTrue(fid.stream().allMatch(m -> m.getValue() > 0 && Double.isFinite(m.getValue())));
    // The samples are cropped back to 28 x 28: an 8 x 8 grid of them at zoom 2, 58 px a cell (32
    // px images would make 66).
    BufferedImage grid =
        ImageIO.read(new ByteArrayInputStream(runs.artifact(runId, "samples/step-000160.png")));
    assertEquals(8, Math.round(grid.getWidth() / 58.0), "columns in " + grid.getWidth());
    assertEquals(8, Math.round(grid.getHeight() / 58.0), "rows in " + grid.getHeight());
  }

  /**
   * Fades of 80 steps between single steps alone: the run is stopped within the fade to 8 x 8 and
   * resumed from there, and logs exactly the losses of the run never stopped.
   */
  @Test
  void aRunStoppedInTheMiddleOfAFadeResumesWithTheSameLosses(MlflowServerExtension.Server mlflow)
      throws Exception {
    String[] config = {
      "run",
      EXPERIMENT,
      "variant.latent-dim=16",
      "variant.fmap-base=64",
      "variant.fmap-max=16",
      "variant.stabilise-images=8",
      "variant.fade-images=640",
      "training.batch-size=8",
      "training.steps=250",
      "training.log-every=1",
      "training.sample-every=0",
      "training.eval-every=0",
      "training.checkpoint-every=7",
      "metrics=[]"
    };
    MlflowRuns runs = mlflow.runs();
    NashProcess reference = NashProcess.run(env(mlflow), with(config, "name=progan-reference"));
    assertEquals(0, reference.exitCode(), reference.err());
    String referenceId = MlflowRuns.runIdOf(reference.runUrl());
    Map<Long, Double> alpha = runs.curve(referenceId, "progan/alpha");

    NashProcess.Running running =
        NashProcess.start(env(mlflow), with(config, "name=progan-interrupted"));
    String runId = runs.awaitPoints("progan-interrupted", "loss/g", 12);
    running.terminate();
    NashProcess stopped = running.await();
    assertEquals(Service.RunStatus.KILLED, runs.run(runId).getInfo().getStatus(), stopped.err());
    NashProcess resumed = NashProcess.run(env(mlflow), "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    long from = Long.parseLong(runs.tags(runId).get("nash.resumed-from-step"));
    double alphaAfter = alpha.get(from + 1);
    assertTrue(
        alphaAfter > 0 && alphaAfter < 1,
        "resumed from step " + from + ", where alpha is " + alphaAfter + ": not within a fade");
    for (String key :
        List.of("loss/d", "loss/g", "reg/gradient-penalty/d", "progan/alpha", "progan/lod")) {
      assertEquals(runs.curve(referenceId, key), runs.curve(runId, key), key);
    }
  }

  /** A trial too short to grow fully is refused before anything runs or is logged. */
  @Test
  void aTrialThatEndsBeforeTheLastResolutionIsRefused(MlflowServerExtension.Server mlflow) {
    NashProcess nash =
        NashProcess.run(
            env(mlflow), "run", EXPERIMENT, "training.steps=2000", "name=progan-too-short");
    assertEquals(2, nash.exitCode(), nash.out() + nash.err());
    assertTrue(
        nash.err()
            .contains(
                "variant: training.steps 2000 ends before the networks reach 32 x 32: growing there"
                    + " takes 2400 steps"),
        nash.err());
    assertEquals(List.of(), mlflow.runs().runsOf("progan-too-short"), "no run is logged");
  }

  private static String[] with(String[] config, String extra) {
    String[] all = java.util.Arrays.copyOf(config, config.length + 1);
    all[config.length] = extra;
    return all;
  }
}
