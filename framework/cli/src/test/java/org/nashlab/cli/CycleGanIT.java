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
 * CycleGAN, a variant with its own program, on the inversion pair of real Fashion-MNIST: it learns
 * the mapping, logs what the program declares, and resumes exactly.
 */
@ExtendWith(MlflowServerExtension.class)
class CycleGanIT {
  private static final String EXPERIMENT = "experiments/cyclegan-inversion.yaml";

  @TempDir Path home;

  @BeforeAll
  static void fetchFashionMnist() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
  }

  private Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
  }

  @Test
  void learnsTheInversionFarBelowTheIdentityMapsErrorAndPicturesEachDirection(
      MlflowServerExtension.Server mlflow) throws Exception {
    NashProcess nash =
        NashProcess.run(
            env(mlflow),
            "run",
            EXPERIMENT,
            "metrics=[{name: fid, samples: 1000}]",
            "training.steps=250",
            "training.log-every=10",
            "training.sample-every=250",
            "training.eval-every=125");
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(nash.runUrl());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    for (String key :
        List.of(
            "loss/g",
            "loss/g-ab",
            "loss/g-ba",
            "loss/cycle",
            "loss/da",
            "loss/db",
            "da/real",
            "db/fake",
            "grad-norm/g",
            "grad-norm/da",
            "grad-norm/db")) {
      assertEquals(25, runs.history(runId, key).size(), key);
    }
    for (String direction : List.of("a-to-b", "b-to-a")) {
      List<Service.Metric> error = runs.history(runId, "eval/translation-error/" + direction);
      List<Service.Metric> identity =
          runs.history(runId, "eval/translation-error/identity-" + direction);
      assertEquals(List.of(125L, 250L), error.stream().map(Service.Metric::getStep).toList());
      double last = error.get(1).getValue();
      double baseline = identity.get(1).getValue();
      // Fashion-MNIST is mostly background at -1, so the identity map is off by about 1.5; the
      // U-Net's translations measured 0.16 and 0.15 after 250 steps, 0.08 after 2000.
      assertTrue(baseline > 1.2, direction + " identity error " + baseline);
      assertTrue(last < 0.25 * baseline, direction + ": " + last + " against identity " + baseline);
    }
    assertEquals(2, runs.history(runId, "eval/cycle-error/a").size());
    List<Service.Metric> fid = runs.history(runId, "eval/fid");
    assertEquals(2, fid.size(), "FID of the translations a to b against domain b");
    assertTrue(fid.stream().allMatch(m -> m.getValue() > 0 && Double.isFinite(m.getValue())));
    assertEquals(
        "a=fashion-mnist,b=fashion-mnist,a-held-out=fashion-mnist,b-held-out=fashion-mnist",
        runs.tags(runId).get("nash.dataset"));
    assertEquals("true", runs.params(runId).get("datasets.b.invert"));
    // Eight rows of a, G_AB(a), G_BA(G_AB(a)), b, G_BA(b), G_AB(G_BA(b)), 28 px at zoom 2.
    BufferedImage grid =
        ImageIO.read(new ByteArrayInputStream(runs.artifact(runId, "samples/step-000250.png")));
    assertEquals(6, Math.round(grid.getWidth() / 58.0), "columns in " + grid.getWidth());
    assertEquals(8, Math.round(grid.getHeight() / 58.0), "rows in " + grid.getHeight());
  }

  @Test
  void aStoppedRunResumesWithTheSameLossesPoolAndAll(MlflowServerExtension.Server mlflow)
      throws Exception {
    String[] config = {
      "run",
      EXPERIMENT,
      "training.steps=90",
      "training.log-every=5",
      "training.sample-every=0",
      "training.eval-every=0",
      "training.checkpoint-every=15",
      "variant.pool-size=16",
      "variant.identity-weight=0.5"
    };
    MlflowRuns runs = mlflow.runs();
    NashProcess reference = NashProcess.run(env(mlflow), with(config, "name=cyclegan-reference"));
    assertEquals(0, reference.exitCode(), reference.err());
    String referenceId = MlflowRuns.runIdOf(reference.runUrl());

    NashProcess.Running running =
        NashProcess.start(env(mlflow), with(config, "name=cyclegan-interrupted"));
    String runId = runs.awaitPoints("cyclegan-interrupted", "loss/g", 8);
    running.terminate();
    NashProcess stopped = running.await();
    assertEquals(Service.RunStatus.KILLED, runs.run(runId).getInfo().getStatus(), stopped.err());
    NashProcess resumed = NashProcess.run(env(mlflow), "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    for (String key : List.of("loss/g", "loss/cycle", "loss/identity", "loss/da", "loss/db")) {
      assertEquals(runs.curve(referenceId, key), runs.curve(runId, key), key);
    }
  }

  private static String[] with(String[] config, String extra) {
    String[] all = java.util.Arrays.copyOf(config, config.length + 1);
    all[config.length] = extra;
    return all;
  }
}
