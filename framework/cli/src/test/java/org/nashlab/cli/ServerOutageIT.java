package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * The MLflow server dies in the middle of a run and comes back later: training goes on, metrics
 * wait in the spool, and every point arrives.
 */
class ServerOutageIT {

  @Test
  void everyMetricPointArrivesWhenTheServerStopsMidRunAndComesBack() throws Exception {
    MlflowServerExtension.Server mlflow = MlflowServerExtension.Server.startPrivate();
    try {
      CompletableFuture<CommandResult> training =
          CompletableFuture.supplyAsync(
              () ->
                  CommandResult.of(
                      "run",
                      NashProcess.REPO.resolve("experiments/quickstart.yaml").toString(),
                      "name=outage",
                      "tracking.uri=" + mlflow.uri(),
                      "training.steps=6000",
                      "training.sample-every=1000"));
      MlflowRuns runs = mlflow.runs();
      awaitTrainingUnderWay(runs);
      mlflow.stop();
      Thread.sleep(3_000);
      mlflow.start();
      CommandResult result = training.get(5, TimeUnit.MINUTES);
      assertEquals(0, result.exitCode(), result.out() + result.err());

      String runId =
          MlflowRuns.runIdOf(
              result
                  .out()
                  .lines()
                  .filter(l -> l.startsWith("MLflow run: "))
                  .findFirst()
                  .orElseThrow());
      assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
      List<Long> expectedSteps = LongStream.rangeClosed(1, 600).map(i -> i * 10).boxed().toList();
      for (String key : List.of("loss/d", "loss/g", "d/real", "speed/steps-per-second")) {
        assertEquals(
            expectedSteps,
            runs.history(runId, key).stream().map(Service.Metric::getStep).toList(),
            key);
      }
      assertEquals(6, runs.artifactNames(runId, "samples").size());
      assertEquals("finished", runs.tags(runId).get("nash.outcome"));
    } finally {
      mlflow.stop();
    }
  }

  /** Waits until the run exists and has logged its first points, so the outage hits mid-run. */
  private static void awaitTrainingUnderWay(MlflowRuns runs) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      List<Service.RunInfo> started = runs.runsOf("outage");
      if (!started.isEmpty() && runs.history(started.get(0).getRunId(), "loss/d").size() >= 5) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never started logging");
  }
}
