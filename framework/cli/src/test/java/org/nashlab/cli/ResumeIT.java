package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * A run stopped by SIGTERM checkpoints and ends as KILLED; resumed, it logs the same losses as a
 * run that was never interrupted.
 */
@ExtendWith(MlflowServerExtension.class)
class ResumeIT {
  private static final String[] CONFIG = {
    "experiments/quickstart.yaml",
    "training.steps=5000",
    "training.sample-every=0",
    "training.checkpoint-every=700"
  };

  @TempDir Path home;

  @Test
  void aRunStoppedBySigtermResumesWhereItStoppedWithTheSameLosses(
      MlflowServerExtension.Server mlflow) throws Exception {
    Map<String, String> env =
        Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
    MlflowRuns runs = mlflow.runs();

    NashProcess uninterrupted =
        NashProcess.run(env, NashProcess.runNamed("resume-reference", CONFIG));
    assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
    Map<Long, Double> reference = runs.curve(MlflowRuns.runIdOf(uninterrupted.runUrl()), "loss/d");
    assertEquals(500, reference.size());

    NashProcess.Running running =
        NashProcess.start(env, NashProcess.runNamed("resume-interrupted", CONFIG));
    String runId = runs.awaitPoints("resume-interrupted", "loss/d", 100);
    running.terminate();
    NashProcess stopped = running.await();
    assertEquals(Service.RunStatus.KILLED, runs.run(runId).getInfo().getStatus(), stopped.err());
    long stoppedAt = Long.parseLong(runs.tags(runId).get("nash.stopped-step"));
    assertTrue(stoppedAt >= 1000 && stoppedAt < 5000, "stopped at " + stoppedAt);
    assertEquals("killed", runs.tags(runId).get("nash.outcome"));
    assertTrue(stopped.err().contains("Continue with: nash run --resume " + runId), stopped.err());

    NashProcess resumed = NashProcess.run(env, "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    assertEquals(Long.toString(stoppedAt), runs.tags(runId).get("nash.resumed-from-step"));
    assertEquals(reference, runs.curve(runId, "loss/d"));
  }
}
