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
 * PacGAN's setup as experiments/pacgan/ writes it: packing, simultaneous updates and a fixed
 * training set fed in epochs, in a real trial, stopped and resumed; and the settings a variant
 * cannot carry out refused before any run exists.
 */
@ExtendWith(MlflowServerExtension.class)
class PacGanIT {
  // 1,100 points in batches of 200: epochs end mid-batch, and a stop lands mid-epoch.
  private static final String[] CONFIG = {
    "experiments/pacgan/ring-pacgan2.yaml",
    "dataset.size=1100",
    "training.steps=800",
    "training.log-every=10",
    "training.eval-every=400",
    "training.sample-every=0",
    "training.checkpoint-every=130"
  };

  @TempDir Path home;

  @Test
  void aPackedSimultaneousRunOnAFixedSetResumesMidEpochWithTheSameLosses(
      MlflowServerExtension.Server mlflow) throws Exception {
    Map<String, String> env =
        Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
    MlflowRuns runs = mlflow.runs();
    NashProcess uninterrupted =
        NashProcess.run(env, NashProcess.runNamed("pacgan-reference", CONFIG));
    assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
    String referenceId = MlflowRuns.runIdOf(uninterrupted.runUrl());
    Map<Long, Double> reference = runs.curve(referenceId, "loss/d");
    assertEquals(80, reference.size());
    // One update runs D and G together: both losses and both gradient norms at every logged step.
    assertEquals(80, runs.curve(referenceId, "grad-norm/g").size());
    assertEquals(2, runs.history(referenceId, "eval/modes-covered").size());

    NashProcess.Running running =
        NashProcess.start(env, NashProcess.runNamed("pacgan-interrupted", CONFIG));
    String runId = runs.awaitPoints("pacgan-interrupted", "loss/d", 30);
    running.terminate();
    NashProcess stopped = running.await();
    assertEquals(Service.RunStatus.KILLED, runs.run(runId).getInfo().getStatus(), stopped.err());
    long stoppedAt = Long.parseLong(runs.tags(runId).get("nash.stopped-step"));
    assertTrue(stoppedAt >= 300 && stoppedAt < 800, "stopped at " + stoppedAt);
    NashProcess resumed = NashProcess.run(env, "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    // The batches after the stop are the uninterrupted run's only if the epoch's place came back.
    assertEquals(reference, runs.curve(runId, "loss/d"));
  }

  @Test
  void settingsTheVariantCannotCarryOutAreRefusedNamingTheirKey(
      MlflowServerExtension.Server mlflow) {
    String tracking = "tracking.uri=" + mlflow.uri();
    assertRefused(
        "regularizers[0]: variant 'seqgan' builds its critics for single samples and never asks"
            + " for packing",
        "run",
        "experiments/seqgan-oracle.yaml",
        "regularizers=[{name: packing, degree: 2}]",
        tracking);
    assertRefused(
        "training.updates: variant 'seqgan' runs a program of its own that never asks for"
            + " simultaneous updates",
        "run",
        "experiments/seqgan-oracle.yaml",
        "training.updates=simultaneous",
        tracking);
    assertRefused(
        "training.batch-size: 100 is not a multiple of the packing degree 3 (regularizers[0])",
        "run",
        "experiments/pacgan/ring-pacgan3.yaml",
        "training.batch-size=100",
        tracking);
    assertRefused(
        "training.d-steps must be 1",
        "run",
        "experiments/pacgan/ring.yaml",
        "training.d-steps=2",
        tracking);
    assertEquals(java.util.List.of(), mlflow.runs().runsOf("seqgan-oracle"));
    assertEquals(java.util.List.of(), mlflow.runs().runsOf("pacgan-ring"));
  }

  private static void assertRefused(String message, String... args) {
    CommandResult nash = CommandResult.of(absolute(args));
    assertEquals(ExitCodes.INVALID_INPUT, nash.exitCode(), nash.out() + nash.err());
    assertTrue(nash.err().contains(message), nash.err());
  }

  /** In this JVM the working folder is the module's: experiment files from the repository. */
  private static String[] absolute(String... args) {
    String[] resolved = args.clone();
    resolved[1] = NashProcess.REPO.resolve(args[1]).toString();
    return resolved;
  }
}
