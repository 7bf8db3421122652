package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/** Sweeps end to end: trials as processes, nested runs, failures, resume after SIGKILL. */
@ExtendWith(MlflowServerExtension.class)
class SweepIT {
  private static final String QUICKSTART =
      NashProcess.REPO.resolve("experiments/quickstart.yaml").toAbsolutePath().toString();

  @TempDir Path dir;

  private Path sweepFile(String name, String body) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, "name: " + name + "\nexperiment: " + QUICKSTART + "\n" + body);
    return file;
  }

  private static Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of("MLFLOW_TRACKING_URI", mlflow.uri());
  }

  /** The sweep's runs: the parent's id, and its children by trial key. */
  private record Runs(Service.Run parent, Map<String, List<Service.Run>> children) {}

  private static Runs runs(MlflowRuns mlflow, String sweep) {
    List<Service.Run> all =
        mlflow.runsOf(sweep).stream().map(info -> mlflow.run(info.getRunId())).toList();
    Service.Run parent =
        all.stream()
            .filter(r -> "parent".equals(tag(r, "nash.sweep-role")))
            .reduce(
                (a, b) -> {
                  throw new AssertionError("two parent runs");
                })
            .orElseThrow();
    Map<String, List<Service.Run>> children =
        all.stream()
            .filter(r -> parent.getInfo().getRunId().equals(tag(r, "mlflow.parentRunId")))
            .collect(Collectors.groupingBy(r -> tag(r, "nash.trial-key")));
    return new Runs(parent, children);
  }

  private static String tag(Service.Run run, String key) {
    return run.getData().getTagsList().stream()
        .filter(t -> t.getKey().equals(key))
        .map(Service.RunTag::getValue)
        .findFirst()
        .orElse(null);
  }

  @Test
  void anInvalidTrialStopsTheSweepBeforeAnythingReachesMlflow(MlflowServerExtension.Server mlflow)
      throws IOException {
    Path file = sweepFile("invalid-sweep", "grid:\n  loss.name: [minimax, minimaks]\n");
    NashProcess sweep = NashProcess.run(env(mlflow), "sweep", file.toString());
    assertEquals(2, sweep.exitCode(), sweep.out() + sweep.err());
    assertTrue(sweep.err().contains("'minimaks' is not a loss"), sweep.err());
    assertTrue(sweep.err().contains("(trial [1])"), sweep.err());
    assertEquals(List.of(), mlflow.runs().runsOf("invalid-sweep"));
  }

  @Test
  void aDivergingTrialFailsWithItsLogWhileTheOthersFinishAndARerunSkipsThemAll(
      MlflowServerExtension.Server mlflow) throws IOException {
    String name = "diverging-sweep";
    Path file =
        sweepFile(
            name,
            """
            grid:
              training.steps: [300]
              training.sample-every: [0]
              optimizers.discriminator:
                - { name: adam, lr: 1.0e-3, beta1: 0.5 }
                - { name: sgd, lr: 1.0e30 }
            seeds: [1, 2]
            executor: { name: local, parallelism: 2 }
            """);
    NashProcess first = NashProcess.run(env(mlflow), "sweep", file.toString());
    assertEquals(1, first.exitCode(), first.out() + first.err());
    Runs runs = runs(mlflow.runs(), name);
    assertEquals(4, runs.children().size());
    long finished = 0;
    for (List<Service.Run> trial : runs.children().values()) {
      assertEquals(1, trial.size(), "each trial ran once");
      Service.Run run = trial.get(0);
      String optimizer = tag(run, "optimizers.discriminator");
      // A plugin's label names it with the settings the factor gives.
      assertTrue(
          optimizer.equals("adam(lr=0.001000, beta1=0.5000)")
              || optimizer.equals("sgd(lr=1.000e+30)"),
          optimizer);
      assertEquals(name, tag(run, "nash.sweep"));
      if (optimizer.contains("sgd")) {
        assertEquals(Service.RunStatus.FAILED, run.getInfo().getStatus());
        assertEquals("diverged", tag(run, "nash.outcome"));
        String log = new String(mlflow.runs().artifact(run.getInfo().getRunId(), "trial.log"));
        assertTrue(log.contains("Trial diverged"), log);
      } else {
        assertEquals(Service.RunStatus.FINISHED, run.getInfo().getStatus());
        finished++;
      }
    }
    assertEquals(2, finished);
    assertTrue(first.out().contains("| 2      | 2        | 0        | 0"), first.out());
    assertTrue(first.out().contains("| 2      | 0        | 2        | 0"), first.out());
    String table =
        new String(mlflow.runs().artifact(runs.parent().getInfo().getRunId(), "summary.md"));
    assertTrue(table.contains("loss/d (final)"), table);

    NashProcess again = NashProcess.run(env(mlflow), "sweep", file.toString());
    assertEquals(1, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("2 finished, 2 failed before; running 0."), again.out());
    assertEquals(
        4, runs(mlflow.runs(), name).children().values().stream().mapToInt(List::size).sum());
  }

  @Test
  void aSweepKilledWithSigkillFinishesEveryTrialExactlyOnceWhenRunAgain(
      MlflowServerExtension.Server mlflow) throws Exception {
    String name = "killed-sweep";
    Path file =
        sweepFile(
            name,
            """
            grid:
              training.steps: [4000]
              training.checkpoint-every: [500]
              training.sample-every: [0]
            seeds: [1, 2, 3]
            executor: { name: local, parallelism: 1 }
            """);
    NashProcess.Running sweep = NashProcess.start(env(mlflow), "sweep", file.toString());
    // Wait until the first trial finished and the second has logged some steps.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (true) {
      assertTrue(Instant.now().isBefore(deadline), "the sweep never got going");
      assertTrue(sweep.process().isAlive(), "the sweep ended early");
      List<Service.RunInfo> runs = mlflow.runs().runsOf(name);
      boolean oneDone = runs.stream().anyMatch(r -> r.getStatus() == Service.RunStatus.FINISHED);
      boolean oneGoing =
          runs.stream()
              .filter(r -> r.getStatus() == Service.RunStatus.RUNNING)
              .anyMatch(r -> mlflow.runs().history(r.getRunId(), "loss/d").size() > 60);
      if (oneDone && oneGoing) {
        break;
      }
      Thread.sleep(500);
    }
    sweep.process().destroyForcibly(); // SIGKILL: no shutdown hook runs in the orchestrator.
    sweep.process().waitFor();

    NashProcess again = NashProcess.run(env(mlflow), "sweep", file.toString());
    assertEquals(0, again.exitCode(), again.out() + again.err());
    Runs runs = runs(mlflow.runs(), name);
    assertEquals(3, runs.children().size());
    int resumed = 0;
    for (List<Service.Run> trial : runs.children().values()) {
      assertEquals(1, trial.size(), "one run per trial");
      Service.Run run = trial.get(0);
      assertEquals(Service.RunStatus.FINISHED, run.getInfo().getStatus());
      List<Service.Metric> losses = mlflow.runs().history(run.getInfo().getRunId(), "loss/d");
      assertEquals(400, losses.size(), "every logged step exactly once");
      assertEquals(400, losses.stream().map(Service.Metric::getStep).distinct().count());
      if (tag(run, "nash.resumed-from-step") != null) {
        resumed++;
      }
    }
    assertEquals(1, resumed, "the interrupted trial continued from its checkpoint");
  }

  @Test
  void aTrialKilledWithSigkillIsMarkedCrashedAndRetryingItContinuesFromItsCheckpoint(
      MlflowServerExtension.Server mlflow) throws Exception {
    String name = "killed-trial";
    Path file =
        sweepFile(
            name,
            """
            grid:
              training.steps: [3000]
              training.checkpoint-every: [500]
              training.sample-every: [0]
            seeds: [1, 2]
            executor: { name: local, parallelism: 1 }
            """);
    NashProcess.Running sweep = NashProcess.start(env(mlflow), "sweep", file.toString());
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    String killed = null;
    while (killed == null) {
      assertTrue(Instant.now().isBefore(deadline), "no trial got going");
      assertTrue(sweep.process().isAlive(), "the sweep ended early");
      for (Service.RunInfo info : mlflow.runs().runsOf(name)) {
        if (info.getStatus() == Service.RunStatus.RUNNING
            && mlflow.runs().history(info.getRunId(), "loss/d").size() > 70) {
          long pid = Long.parseLong(mlflow.runs().tags(info.getRunId()).get("nash.pid"));
          ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL of the trial alone
          killed = info.getRunId();
        }
      }
      Thread.sleep(200);
    }
    String crashed = killed;
    NashProcess ended = sweep.await();
    assertEquals(1, ended.exitCode(), ended.out() + ended.err());
    MlflowRuns runs = mlflow.runs();
    assertEquals(Service.RunStatus.FAILED, runs.run(crashed).getInfo().getStatus());
    assertEquals("crashed", runs.tags(crashed).get("nash.outcome"));
    assertEquals("137", runs.tags(crashed).get("nash.exit-code"));
    assertTrue(runs.artifactNames(crashed, "").contains("trial.log"));
    int loggedBeforeTheKill = runs.history(crashed, "loss/d").size();

    assertTrue(loggedBeforeTheKill > 70);

    // A failed trial is run again from the start, in a run of its own; the crashed one is kept.
    NashProcess retried = NashProcess.run(env(mlflow), "sweep", file.toString(), "--retry-failed");
    assertEquals(0, retried.exitCode(), retried.out() + retried.err());
    String key = runs.tags(crashed).get("nash.trial-key");
    List<Service.Run> attempts = runs(runs, name).children().get(key);
    assertEquals(2, attempts.size());
    Service.Run again =
        attempts.stream()
            .filter(r -> !r.getInfo().getRunId().equals(crashed))
            .findFirst()
            .orElseThrow();
    assertEquals(Service.RunStatus.FINISHED, again.getInfo().getStatus());
    assertEquals(Service.RunStatus.FAILED, runs.run(crashed).getInfo().getStatus());
    List<Service.Metric> losses = runs.history(again.getInfo().getRunId(), "loss/d");
    assertEquals(300, losses.size());
    assertEquals(300, losses.stream().map(Service.Metric::getStep).distinct().count());
    assertEquals(2, runs(runs, name).children().size());
  }

  @Test
  void theReadmesQuickstartSweepEndsWithAReportThatSettlesItsAblation(
      MlflowServerExtension.Server mlflow) throws Exception {
    NashProcess sweep = NashProcess.run(env(mlflow), "sweep", "sweeps/quickstart.yaml");
    assertEquals(0, sweep.exitCode(), sweep.out() + sweep.err());
    Runs runs = runs(mlflow.runs(), "quickstart");
    assertEquals(Service.RunStatus.FINISHED, runs.parent().getInfo().getStatus());
    assertEquals(24, runs.children().size());
    Map<String, Long> byGroup =
        runs.children().values().stream()
            .map(trial -> trial.get(0))
            .peek(r -> assertEquals(Service.RunStatus.FINISHED, r.getInfo().getStatus()))
            .collect(
                Collectors.groupingBy(
                    r -> tag(r, "variant.minibatch-stddev") + "/" + tag(r, "regularizers"),
                    Collectors.counting()));
    assertEquals(Map.of("false/none", 8L, "true/none", 8L, "false/r1(gamma=1.000)", 8L), byGroup);
    assertTrue(sweep.out().contains("24 finished, 0 failed."), sweep.out());

    Path page =
        NashProcess.REPO.resolve("reports/out/quickstart/index.html").toAbsolutePath().normalize();
    assertTrue(sweep.out().contains("Report: " + page), sweep.out());
    JsonNode modes =
        new ObjectMapper()
            .readTree(page.resolveSibling("report.json").toFile())
            .get("metrics")
            .get(0);
    assertEquals("eval/modes-covered", modes.get("key").asText());
    for (int g = 1; g <= 2; g++) {
      JsonNode technique = modes.get("groups").get(g);
      String verdict = technique.get("comparison").get("verdict").asText();
      assertTrue(
          verdict.startsWith("better than baseline"), technique.get("group") + ": " + verdict);
      assertTrue(
          technique.get("comparison").get("difference").get("bca").get("low").asDouble() > 0);
    }
  }
}
