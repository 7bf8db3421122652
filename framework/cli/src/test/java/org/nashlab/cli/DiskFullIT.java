package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * A disk that fills up while a run checkpoints: NASH_HOME on a small tmpfs (mounting needs root,
 * which CI has; elsewhere the test is skipped and says why).
 */
@ExtendWith(MlflowServerExtension.class)
class DiskFullIT {
  private static final String QUICKSTART =
      NashProcess.REPO.resolve("experiments/quickstart.yaml").toAbsolutePath().toString();
  private static final String[] RUN = {
    "run",
    QUICKSTART,
    "name=disk-full",
    "training.steps=300",
    "training.checkpoint-every=100",
    "training.sample-every=0",
    "training.eval-every=0"
  };

  @TempDir Path dir;
  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
    }
  }

  /** A tmpfs of {@code kib} KiB at {@code folder}, if this machine lets the test mount one. */
  private boolean mount(Path folder, long kib) throws Exception {
    Files.createDirectories(folder);
    Process mount =
        new ProcessBuilder(
                "mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", folder.toString())
            .redirectErrorStream(true)
            .start();
    boolean ok = mount.waitFor() == 0;
    if (ok) {
      mounted = folder;
    }
    return ok;
  }

  private static long checkpointBytes(Path home) throws IOException {
    try (Stream<Path> files = Files.walk(home.resolve("checkpoints"))) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  @Test
  void aFullDiskEndsTheRunWithExit3KeepsTheLastCheckpointAndTheRunResumes(
      MlflowServerExtension.Server mlflow) throws Exception {
    Map<String, String> roomy =
        Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", dir.resolve("roomy").toString());
    assertEquals(0, NashProcess.run(roomy, RUN).exitCode());
    long checkpoint = checkpointBytes(dir.resolve("roomy"));

    Path home = dir.resolve("small");
    long kib = 4 * checkpoint / 1024;
    assumeTrue(mount(home, kib), "cannot mount a tmpfs here (needs root)");
    // Room for one checkpoint and a half: the save at step 100 fits, the one at 200 does not.
    long free = home.toFile().getUsableSpace();
    Path filler = home.resolve("filler");
    // Written out, not a sparse length: tmpfs counts only pages that hold data.
    Files.write(filler, new byte[Math.toIntExact(free - checkpoint * 3 / 2)]);
    Map<String, String> env =
        Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString());
    NashProcess full = NashProcess.run(env, RUN);

    assertEquals(3, full.exitCode(), full.out() + full.err());
    String runId =
        full.err()
            .lines()
            .filter(l -> l.startsWith("no space left on device at "))
            .findFirst()
            .map(l -> l.substring(l.lastIndexOf(' ') + 1))
            .orElseThrow(() -> new AssertionError(full.err()));
    Path folder = home.resolve("checkpoints").resolve(runId);
    assertTrue(
        full.err()
            .contains(
                "no space left on device at "
                    + folder
                    + ": the checkpoint of step 200 was not written and its partial files were"
                    + " removed; the checkpoint of step 100 is intact."),
        full.err());
    assertFalse(full.err().contains("nash failed unexpectedly"), full.err());
    assertFalse(full.err().contains("report_tensor_allocations_upon_oom"), full.err());
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertEquals(
          List.of(
              "config.yaml", "state.properties", "step-100.data-00000-of-00001", "step-100.index"),
          names);
    }
    MlflowRuns runs = mlflow.runs();
    assertEquals(Service.RunStatus.FAILED, runs.run(runId).getInfo().getStatus());
    assertEquals("error", runs.tags(runId).get("nash.outcome"));

    Files.delete(filler);
    NashProcess resumed = NashProcess.run(env, "run", "--resume", runId);
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    // Steps 110 to 200 were logged before the disk filled and again after the resume from step
    // 100: every step is there, and a step logged twice has the same loss both times.
    Map<Long, List<Double>> byStep =
        runs.history(runId, "loss/d").stream()
            .collect(
                Collectors.groupingBy(
                    Service.Metric::getStep,
                    TreeMap::new,
                    Collectors.mapping(Service.Metric::getValue, Collectors.toList())));
    assertEquals(30, byStep.size());
    assertEquals(300L, ((TreeMap<Long, List<Double>>) byStep).lastKey());
    byStep.forEach(
        (step, values) -> assertEquals(1, values.stream().distinct().count(), "step " + step));
  }
}
