package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * SeqGAN, a variant with its own program on token sequences: a run stopped in each of its three
 * phases resumes where it stopped, and a run on a user's text file logs its samples as text in the
 * file's own characters, with BLEU against the held-out lines.
 */
@ExtendWith(MlflowServerExtension.class)
class SeqGanIT {
  private static final int MLE_STEPS = 300;
  private static final int D_STEPS = 300;
  private static final int ADVERSARIAL_STEPS = 16;
  private static final int TOTAL_STEPS = MLE_STEPS + D_STEPS + ADVERSARIAL_STEPS;
  private static final String[] SMALL = {
    "run",
    "experiments/seqgan-oracle.yaml",
    "dataset.train-size=1000",
    "dataset.test-size=200",
    "variant.filters=2:8, 3:8, 5:8",
    "variant.discriminator-embedding-dim=16",
    "variant.rollouts=4",
    "variant.pretrain-generator-steps=" + MLE_STEPS,
    "variant.pretrain-discriminator-steps=" + D_STEPS,
    "training.steps=" + TOTAL_STEPS,
    "training.d-steps=2",
    "training.log-every=1",
    "training.checkpoint-every=4",
    "training.sample-every=0",
    "training.eval-every=" + TOTAL_STEPS / 2,
    "metrics=[{name: nll-oracle, samples: 200}, {name: bleu, n: 3, samples: 50}]"
  };

  /** A scalar of each phase, its gradients, and both evaluations. */
  private static final List<String> EXACT =
      List.of(
          "loss/g-mle",
          "grad-norm/g",
          "loss/d",
          "d/real",
          "d/fake",
          "grad-norm/d",
          "loss/g",
          "seqgan/reward",
          "eval/nll-oracle",
          "eval/nll-test",
          "eval/bleu-3");

  @TempDir Path home;

  /** One thread, as sweeps run trials. */
  private Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of(
        "MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString(), "NASH_THREADS", "1");
  }

  /**
   * One run stopped three times, in G's maximum-likelihood pre-training, in D's pre-training and in
   * the adversarial phase, each time resumed from its last checkpoint: it logs every step once,
   * each phase where it belongs, and every curve and evaluation equals the uninterrupted run's,
   * value for value.
   */
  @Test
  void aRunStoppedInEachPhaseResumesWhereItStopped(MlflowServerExtension.Server mlflow)
      throws Exception {
    MlflowRuns runs = mlflow.runs();
    NashProcess reference = NashProcess.run(env(mlflow), with(SMALL, "name=seqgan-reference"));
    assertEquals(0, reference.exitCode(), reference.out() + reference.err());
    String referenceId = MlflowRuns.runIdOf(reference.runUrl());
    assertPhases(runs, referenceId);
    double nllOracle = runs.curve(referenceId, "eval/nll-oracle").get((long) TOTAL_STEPS);
    assertTrue(nllOracle > 0 && nllOracle < 20, "nll-oracle " + nllOracle);

    NashProcess.Running running =
        NashProcess.start(env(mlflow), with(SMALL, "name=seqgan-interrupted"));
    String runId = runs.awaitPoints("seqgan-interrupted", "loss/g-mle", 30);
    List<Long> stops = new ArrayList<>();
    stops.add(stopMidPhase(runs, running, runId, "loss/g-mle", MLE_STEPS));
    running = NashProcess.start(env(mlflow), "run", "--resume", runId);
    runs.awaitPoints("seqgan-interrupted", "d/real", 20);
    stops.add(stopMidPhase(runs, running, runId, "d/real", D_STEPS + ADVERSARIAL_STEPS));
    running = NashProcess.start(env(mlflow), "run", "--resume", runId);
    runs.awaitPoints("seqgan-interrupted", "seqgan/reward", 3);
    stops.add(stopMidPhase(runs, running, runId, "seqgan/reward", ADVERSARIAL_STEPS));
    NashProcess resumed = NashProcess.run(env(mlflow), "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    assertTrue(stops.get(0) <= MLE_STEPS, "first stop at " + stops);
    assertTrue(stops.get(1) > MLE_STEPS && stops.get(1) <= MLE_STEPS + D_STEPS, "stops " + stops);
    assertTrue(stops.get(2) > MLE_STEPS + D_STEPS, "stops " + stops);
    assertPhases(runs, runId);
    for (String key : EXACT) {
      Map<Long, Double> expected = runs.curve(referenceId, key);
      assertTrue(!expected.isEmpty(), key + " logged");
      assertEquals(expected, runs.curve(runId, key), key + ": resumed against uninterrupted");
    }
  }

  /** Every step logged once, with the phase it belongs to and its phase's scalars. */
  private static void assertPhases(MlflowRuns runs, String runId) {
    Map<Long, Double> phase = runs.curve(runId, "seqgan/phase");
    assertEquals(TOTAL_STEPS, phase.size());
    phase.forEach(
        (step, value) ->
            assertEquals(
                step <= MLE_STEPS ? 0.0 : step <= MLE_STEPS + D_STEPS ? 1.0 : 2.0,
                value,
                "phase of step " + step));
    assertEquals(MLE_STEPS, runs.history(runId, "loss/g-mle").size());
    assertEquals(D_STEPS + ADVERSARIAL_STEPS, runs.history(runId, "loss/d").size());
    assertEquals(ADVERSARIAL_STEPS, runs.history(runId, "seqgan/reward").size());
    assertEquals(
        List.of((long) TOTAL_STEPS / 2, (long) TOTAL_STEPS),
        runs.curve(runId, "eval/nll-test").keySet().stream().sorted().toList());
  }

  /** Stops the run while it logs {@code phaseKey}; returns the step it stopped at. */
  private static long stopMidPhase(
      MlflowRuns runs, NashProcess.Running running, String runId, String phaseKey, int phasePoints)
      throws Exception {
    running.terminate();
    NashProcess stopped = running.await();
    assertEquals(Service.RunStatus.KILLED, runs.run(runId).getInfo().getStatus(), stopped.err());
    int logged = runs.history(runId, phaseKey).size();
    assertTrue(
        logged < phasePoints,
        phaseKey
            + " logged "
            + logged
            + " of "
            + phasePoints
            + " points: the stop came after its phase");
    return Long.parseLong(runs.tags(runId).get("nash.stopped-step"));
  }

  /**
   * Characters of a small text file: the samples are text in the file's alphabet, the vocabulary is
   * logged beside them, BLEU against the held-out lines is logged; nll-oracle on this data is an
   * error in the experiment (no oracle), exit 2 with no run.
   */
  @Test
  void aTextFileRunLogsItsSamplesAsText(MlflowServerExtension.Server mlflow) throws Exception {
    Path text = home.resolve("lines.txt");
    List<String> lines = new ArrayList<>();
    String[] words = {"red", "green", "blue", "cat", "dog", "sun", "moon"};
    for (int i = 0; i < 200; i++) {
      lines.add(words[i % 7] + " " + words[(i * 3 + 1) % 7]);
    }
    Files.write(text, lines, StandardCharsets.UTF_8);
    String[] config = {
      "run",
      "experiments/seqgan-oracle.yaml",
      "dataset={name: text-lines, path: '" + text + "', tokens: characters}",
      "variant.filters=2:8, 3:8",
      "variant.discriminator-embedding-dim=16",
      "variant.rollouts=2",
      "variant.pretrain-generator-steps=60",
      "variant.pretrain-discriminator-steps=10",
      "training.steps=74",
      "training.sample-every=74",
      "training.eval-every=74"
    };
    NashProcess run =
        NashProcess.run(
            env(mlflow),
            with(config, "name=seqgan-text", "metrics=[{name: bleu, n: 2, samples: 50}]"));
    assertEquals(0, run.exitCode(), run.out() + run.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(run.runUrl());
    String samples =
        new String(runs.artifact(runId, "samples/step-000074.txt"), StandardCharsets.UTF_8);
    List<String> sampleLines = samples.lines().toList();
    assertEquals(64, sampleLines.size(), samples);
    String alphabet = String.join("", words) + " ";
    for (String line : sampleLines) {
      assertTrue(
          line.chars().allMatch(c -> alphabet.indexOf(c) >= 0), "'" + line + "' in " + samples);
    }
    String vocabulary =
        new String(runs.artifact(runId, "samples/vocabulary.txt"), StandardCharsets.UTF_8);
    assertTrue(vocabulary.startsWith("0\t<eos>\n"), vocabulary);
    double bleu = runs.curve(runId, "eval/bleu-2").get(74L);
    assertTrue(bleu > 0 && bleu <= 1, "bleu-2 " + bleu);
    assertTrue(runs.curve(runId, "eval/nll-test").get(74L) > 0);

    NashProcess wrong =
        NashProcess.run(
            env(mlflow), with(config, "name=seqgan-no-oracle", "metrics=[{name: nll-oracle}]"));
    assertEquals(2, wrong.exitCode(), wrong.out() + wrong.err());
    assertTrue(
        wrong
            .err()
            .contains(
                "metrics[0]: nll-oracle scores samples with the oracle of the oracle-sequences dataset"),
        wrong.err());
    assertTrue(runs.runsOf("seqgan-no-oracle").isEmpty(), "no run for an invalid experiment");
  }

  private static String[] with(String[] config, String... extra) {
    String[] all = Arrays.copyOf(config, config.length + extra.length);
    System.arraycopy(extra, 0, all, config.length, extra.length);
    return all;
  }
}
