package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * Sweeps on a real single-host Slurm cluster (.ci/slurm-up: two CPUs, two fake GPUs as gres), with
 * a real MLflow server: nothing is mocked.
 */
@ExtendWith(MlflowServerExtension.class)
class SlurmIT {
  /** The name SlurmIT's copy of the README's quickstart sweep runs under. */
  private static final String SWEEP = "quickstart-slurm";

  private static final String QUICKSTART =
      NashProcess.REPO.resolve("experiments/quickstart.yaml").toAbsolutePath().toString();

  @TempDir Path dir;

  @BeforeAll
  static void startTheCluster() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "starting a Slurm cluster needs root (CI runs as root)");
    Process up =
        new ProcessBuilder("bash", NashProcess.REPO.resolve(".ci/slurm-up").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(up.waitFor(5, TimeUnit.MINUTES), "slurm-up did not finish");
    assertEquals(0, up.exitValue(), out);
  }

  private Path sweepFile(String name, String body) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(
        file,
        "name: "
            + name
            + "\nexperiment: "
            + QUICKSTART
            + "\n"
            + body
            + "executor: { name: slurm, cpus-per-trial: 1, mem-per-trial: 1G, gpus-per-trial: 1,"
            + " log-dir: "
            + dir.resolve("slurm-logs")
            + ", poll-seconds: 1 }\n");
    return file;
  }

  private Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", dir.resolve("home").toString());
  }

  /** The sweep's child runs. */
  private static List<Service.RunInfo> childRuns(MlflowRuns runs, String sweep) {
    return runs.runsOf(sweep).stream()
        .filter(info -> runs.tags(info.getRunId()).containsKey("mlflow.parentRunId"))
        .toList();
  }

  /** The tags of the sweep's child runs. */
  private static List<Map<String, String>> children(MlflowRuns runs, String sweep) {
    return childRuns(runs, sweep).stream().map(info -> runs.tags(info.getRunId())).toList();
  }

  @Test
  void fourTrialsOnTwoGpusRunTwoAtATimeEachOnItsOwnGpuAndFinishOnce(
      MlflowServerExtension.Server mlflow) throws Exception {
    Path file =
        sweepFile(
            "slurm-gpus",
            "grid:\n  variant.minibatch-stddev: [false, true]\n  training.steps: [400]\nseeds: [1, 2]\n");
    NashProcess sweep = NashProcess.run(env(mlflow), "sweep", file.toString());
    assertEquals(0, sweep.exitCode(), sweep.out() + sweep.err());
    assertTrue(sweep.out().contains("4 finished, 0 failed."), sweep.out());

    MlflowRuns runs = mlflow.runs();
    List<Service.RunInfo> infos = childRuns(runs, "slurm-gpus");
    assertEquals(4, infos.size(), "one run per trial");
    for (Service.RunInfo info : infos) {
      Map<String, String> tags = runs.tags(info.getRunId());
      assertEquals("FINISHED", info.getStatus().name(), tags.toString());
      assertTrue(tags.get("nash.slurm.job-id").matches("\\d+_[0-3]"), tags.toString());
      assertTrue(Set.of("0", "1").contains(tags.get("nash.gpus")), tags.toString());
      assertEquals("1", tags.get("nash.threads"), tags.toString());
    }
    // Two GPUs, one per task: at most two at once, and some two ran together on distinct GPUs.
    boolean together = false;
    for (Service.RunInfo a : infos) {
      int overlapping = 0;
      for (Service.RunInfo b : infos) {
        if (a != b && a.getStartTime() < b.getEndTime() && b.getStartTime() < a.getEndTime()) {
          overlapping++;
          together |=
              !runs.tags(a.getRunId())
                  .get("nash.gpus")
                  .equals(runs.tags(b.getRunId()).get("nash.gpus"));
        }
      }
      assertTrue(overlapping <= 1, "more than two trials at once on two GPUs");
    }
    assertTrue(together, "no two trials ran at the same time on distinct GPUs");
  }

  @Test
  void aCancelledTaskIsReportedAndRunAgainIntoTheSameRun(MlflowServerExtension.Server mlflow)
      throws Exception {
    Path file = sweepFile("slurm-cancel", "grid:\n  training.steps: [3000]\nseeds: [1]\n");
    NashProcess.Running sweep = NashProcess.start(env(mlflow), "sweep", file.toString());
    MlflowRuns runs = mlflow.runs();
    String task = null;
    for (int i = 0; i < 240 && task == null; i++) {
      Thread.sleep(500);
      task =
          children(runs, "slurm-cancel").stream()
              .map(tags -> tags.get("nash.slurm.job-id"))
              .filter(id -> id != null)
              .findFirst()
              .orElse(null);
    }
    assertTrue(task != null, "the trial's run never appeared");
    runs.awaitPoints("slurm-cancel", "loss/d", 20);
    Process cancel = new ProcessBuilder("scancel", task).inheritIO().start();
    assertEquals(0, cancel.waitFor());

    NashProcess ended = sweep.await();
    assertEquals(0, ended.exitCode(), ended.out() + ended.err());
    assertTrue(ended.out().contains("1 finished, 0 failed."), ended.out());
    String log = trialLogs(dir.resolve("home/sweeps/slurm-cancel"));
    assertTrue(log.contains("ended CANCELLED"), log);
    assertTrue(log.contains("running it again (1 of 1)"), log);
    List<Service.RunInfo> children = childRuns(runs, "slurm-cancel");
    assertEquals(1, children.size(), "the task run again resumed the trial's run");
    assertEquals("FINISHED", children.get(0).getStatus().name());
    String rerun = runs.tags(children.get(0).getRunId()).get("nash.slurm.job-id");
    assertTrue(!rerun.equals(task), "the run's job id is the second task's: " + rerun);
  }

  @Test
  void theTimeLimitSignalCheckpointsRequeuesAndResumesWithEveryStepOnce(
      MlflowServerExtension.Server mlflow) throws Exception {
    Path file =
        sweepFile(
            "slurm-requeue",
            "grid:\n  training.steps: [4000]\n  training.eval-every: [0]\nseeds: [1]\n");
    NashProcess.Running sweep = NashProcess.start(env(mlflow), "sweep", file.toString());
    MlflowRuns runs = mlflow.runs();
    String runId = runs.awaitPoints("slurm-requeue", "loss/d", 30);
    String task = runs.tags(runId).get("nash.slurm.job-id");
    // What Slurm sends the batch shell before the time limit (--signal=B:USR1@120), now.
    Process signal =
        new ProcessBuilder("scancel", "--batch", "--signal=USR1", task).inheritIO().start();
    assertEquals(0, signal.waitFor());

    NashProcess ended = sweep.await();
    assertEquals(0, ended.exitCode(), ended.out() + ended.err());
    assertTrue(ended.out().contains("1 finished, 0 failed."), ended.out());
    Map<String, String> tags = runs.tags(runId);
    assertEquals("1", tags.get("nash.slurm.restarts"), "started again by the requeue: " + tags);
    assertEquals(task, tags.get("nash.slurm.job-id"), "the same task, requeued");
    assertTrue(Long.parseLong(tags.get("nash.resumed-from-step")) < 4000, tags.toString());
    List<Long> steps = runs.history(runId, "loss/d").stream().map(m -> m.getStep()).toList();
    assertEquals(400, steps.size(), "every logged step once: " + steps);
    assertEquals(400, Set.copyOf(steps).size(), "no step twice");
    assertEquals(1, children(runs, "slurm-requeue").size(), "one run for the trial");
    String log = trialLogs(dir.resolve("home/sweeps/slurm-requeue"));
    assertTrue(log.contains("nash-slurm: USR1: the trial checkpoints and task " + task), log);
  }

  @Test
  void aSweepKilledAndStartedAgainFollowsItsTasksInsteadOfSubmittingThemTwice(
      MlflowServerExtension.Server mlflow) throws Exception {
    // Long enough that the tasks are still running when the second sweep starts: 3000 steps were
    // done before it on a fast machine, so there was nothing left to follow.
    Path file = sweepFile("slurm-reattach", "grid:\n  training.steps: [12000]\nseeds: [1, 2]\n");
    NashProcess.Running first = NashProcess.start(env(mlflow), "sweep", file.toString());
    MlflowRuns runs = mlflow.runs();
    runs.awaitPoints("slurm-reattach", "loss/d", 20);
    first.process().destroyForcibly().waitFor();

    NashProcess again = NashProcess.run(env(mlflow), "sweep", file.toString());
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("2 finished, 0 failed."), again.out());
    List<String> submitted =
        Files.readAllLines(dir.resolve("slurm-logs/slurm-reattach/submissions.tsv"));
    assertEquals(2, submitted.size(), "each trial submitted once: " + submitted);
    List<Map<String, String>> children = children(runs, "slurm-reattach");
    assertEquals(2, children.size(), "one run per trial: " + children);
    String logs = trialLogs(dir.resolve("home/sweeps/slurm-reattach"));
    assertTrue(logs.contains("nash-slurm: following task"), logs);
  }

  @Test
  void aDetachedSweepIsFollowedByAttachWithoutSubmittingAgain(MlflowServerExtension.Server mlflow)
      throws Exception {
    Path file = sweepFile("slurm-detach", "grid:\n  training.steps: [2000]\nseeds: [1, 2]\n");
    NashProcess detached = NashProcess.run(env(mlflow), "sweep", file.toString(), "--detach");
    assertEquals(0, detached.exitCode(), detached.out() + detached.err());
    assertTrue(
        detached.out().contains("Submitted. Follow the trials with: nash sweep"), detached.out());
    MlflowRuns runs = mlflow.runs();
    Service.RunInfo parent =
        runs.runsOf("slurm-detach").stream()
            .filter(info -> "parent".equals(runs.tags(info.getRunId()).get("nash.sweep-role")))
            .findFirst()
            .orElseThrow();
    assertEquals("RUNNING", runs.run(parent.getRunId()).getInfo().getStatus().name());
    assertTrue(
        runs.artifactNames(parent.getRunId(), "executor/slurm").stream()
            .anyMatch(name -> name.endsWith(".sh")),
        "the array script is on the parent run");

    NashProcess attached = NashProcess.run(env(mlflow), "sweep", file.toString(), "--attach");
    assertEquals(0, attached.exitCode(), attached.out() + attached.err());
    assertTrue(attached.out().contains("2 finished, 0 failed."), attached.out());
    Path submissions = dir.resolve("slurm-logs/slurm-detach/submissions.tsv");
    assertEquals(2, Files.readAllLines(submissions).size(), "followed, not submitted again");
    assertTrue(trialLogs(dir.resolve("home/sweeps/slurm-detach")).contains("following task"));
    assertEquals("FINISHED", runs.run(parent.getRunId()).getInfo().getStatus().name());
    assertEquals(2, children(runs, "slurm-detach").size());
  }

  @Test
  void cancelStopsEveryQueuedAndRunningTrialOfTheSweep(MlflowServerExtension.Server mlflow)
      throws Exception {
    Path file = sweepFile("slurm-cancelled", "grid:\n  training.steps: [3000]\nseeds: [1, 2, 3]\n");
    NashProcess detached = NashProcess.run(env(mlflow), "sweep", file.toString(), "--detach");
    assertEquals(0, detached.exitCode(), detached.out() + detached.err());
    mlflow.runs().awaitPoints("slurm-cancelled", "loss/d", 10);
    NashProcess cancelled = NashProcess.run(env(mlflow), "sweep", file.toString(), "--cancel");
    assertEquals(0, cancelled.exitCode(), cancelled.out() + cancelled.err());
    // Two running on the two GPUs, the third queued.
    assertTrue(cancelled.out().contains("Cancelled 3 queued or running trials"), cancelled.out());
    for (int i = 0; i < 30 && !queue("nash-slurm-cancelled").isBlank(); i++) {
      Thread.sleep(1000);
    }
    assertEquals("", queue("nash-slurm-cancelled"), "nothing of the sweep left in the queue");
  }

  @Test
  void theQuickstartSweepWithASlurmExecutorMakesTheLocalOnesRunsAndReport(
      MlflowServerExtension.Server mlflow) throws Exception {
    // The README's quickstart, renamed: IT classes share one MLflow server, and a sweep is found
    // by its name, so under the shipped name this would join SweepIT's quickstart sweep. SweepIT
    // runs it as shipped; a third of its steps keeps this test's point (the same runs and report
    // through Slurm) and its verdict.
    copy(
        "experiments/quickstart.yaml", "experiments/quickstart.yaml", "steps: 3000", "steps: 1000");
    copy("reports/quickstart.yaml", "reports/" + SWEEP + ".yaml", "quickstart", SWEEP);
    Path sweepFile =
        copy(
            "sweeps/quickstart.yaml",
            "sweeps/" + SWEEP + ".yaml",
            "name: quickstart",
            "name: " + SWEEP);
    // 3 seeds of the 8, 9 trials, still fill both GPUs many times over; seeds 4-6 because both
    // groups of the comparison vary over them (at 1,000 steps, modes 1, 2, 0 against 8, 7, 8),
    // which Welch's test needs.
    replace(sweepFile, "seeds: [1, 2, 3, 4, 5, 6, 7, 8]", "seeds: [4, 5, 6]");
    String local = Files.readString(sweepFile);
    String executor =
        local.lines().filter(l -> l.startsWith("executor:")).findFirst().orElseThrow();
    Files.writeString(
        sweepFile,
        local.replace(
            executor,
            "executor: { name: slurm, cpus-per-trial: 1, mem-per-trial: 1G, log-dir: "
                + dir.resolve("slurm-logs")
                + " }"));
    NashProcess sweep = NashProcess.run(env(mlflow), "sweep", sweepFile.toString());
    assertEquals(0, sweep.exitCode(), sweep.out() + sweep.err());
    assertTrue(sweep.out().contains("9 finished, 0 failed."), sweep.out());

    MlflowRuns runs = mlflow.runs();
    List<Service.RunInfo> all = runs.runsOf(SWEEP);
    Service.RunInfo parent =
        all.stream()
            .filter(info -> "parent".equals(runs.tags(info.getRunId()).get("nash.sweep-role")))
            .findFirst()
            .orElseThrow();
    assertEquals("FINISHED", parent.getStatus().name());
    for (String artifact : List.of("sweep.yaml", "trials.csv", "summary.md")) {
      assertTrue(runs.artifactNames(parent.getRunId(), "").contains(artifact), artifact);
    }
    List<Map<String, String>> children = children(runs, SWEEP);
    assertEquals(9, children.size());
    Map<String, Long> byGroup =
        children.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    t -> t.get("variant.minibatch-stddev") + "/" + t.get("regularizers"),
                    java.util.stream.Collectors.counting()));
    assertEquals(Map.of("false/none", 3L, "true/none", 3L, "false/r1(gamma=1.000)", 3L), byGroup);
    for (Map<String, String> tags : children) {
      assertTrue(tags.containsKey("nash.slurm.job-id"), tags.toString());
      assertEquals(parent.getRunId(), tags.get("mlflow.parentRunId"));
      assertTrue(
          tags.get("mlflow.runName")
              .matches(
                  "minibatch-stddev=(true|false) · regularizers=(none|r1\\(gamma=1.000\\)) · seed=[4-6]"),
          tags.get("mlflow.runName"));
    }
    Path page = dir.resolve("reports/out/" + SWEEP + "/index.html");
    assertTrue(sweep.out().contains("Report: " + page), sweep.out());
    String report = Files.readString(page.resolveSibling("report.json"));
    assertTrue(report.contains("better than baseline"), report);
  }

  /** The repository's {@code from} at {@code to} in this test's folder, {@link #replace}d. */
  private Path copy(String from, String to, String shipped, String replacement) throws IOException {
    Path file = dir.resolve(to);
    Files.createDirectories(file.getParent());
    Files.copy(NashProcess.REPO.resolve(from), file);
    return replace(file, shipped, replacement);
  }

  /** {@code file} with {@code shipped}, which it must hold, replaced by {@code replacement}. */
  private static Path replace(Path file, String shipped, String replacement) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(shipped), file + " no longer says " + shipped);
    return Files.writeString(file, text.replace(shipped, replacement));
  }

  /** The live tasks of job {@code name}, as squeue lists them. */
  private static String queue(String name) throws Exception {
    Process squeue = new ProcessBuilder("squeue", "-h", "-n", name, "-o", "%i %T").start();
    String out = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    squeue.waitFor();
    return out.trim();
  }

  private static String trialLogs(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.toList()) {
        all.append(Files.readString(file));
      }
      return all.toString();
    }
  }
}
