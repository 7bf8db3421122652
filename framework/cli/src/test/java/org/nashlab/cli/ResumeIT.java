package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  private static String[] args(String name) {
    String[] args = new String[CONFIG.length + 2];
    args[0] = "run";
    System.arraycopy(CONFIG, 0, args, 1, CONFIG.length);
    args[args.length - 1] = "name=" + name;
    return args;
  }

  private static Map<Long, Double> curve(MlflowRuns runs, String runId) {
    return runs.history(runId, "loss/d").stream()
        .collect(
            Collectors.toMap(
                Service.Metric::getStep,
                Service.Metric::getValue,
                (a, b) -> {
                  throw new AssertionError("two points at one step: " + a + ", " + b);
                }));
  }

  @Test
  void aRunStoppedBySigtermResumesWhereItStoppedWithTheSameLosses(
      MlflowServerExtension.Server mlflow) throws Exception {
    Map<String, String> env =
        Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
    MlflowRuns runs = mlflow.runs();

    NashProcess uninterrupted = NashProcess.run(env, args("resume-reference"));
    assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
    Map<Long, Double> reference = curve(runs, MlflowRuns.runIdOf(uninterrupted.runUrl()));
    assertEquals(500, reference.size());

    NashProcess.Running running = NashProcess.start(env, args("resume-interrupted"));
    String runId = awaitPoints(runs, "resume-interrupted", 100);
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
    assertEquals(reference, curve(runs, runId));
  }

  private static String awaitPoints(MlflowRuns runs, String experiment, int points)
      throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      List<Service.RunInfo> started = runs.runsOf(experiment);
      if (!started.isEmpty()
          && runs.history(started.get(0).getRunId(), "loss/d").size() >= points) {
        return started.get(0).getRunId();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the run never logged " + points + " points");
  }
}
