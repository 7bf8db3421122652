package org.nashlab.executors.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.TrialLaunch;
import org.nashlab.executors.SlurmExecutor;

class ArrayScriptTest {
  @TempDir Path dir;

  private static SlurmExecutor.Params params(
      String partition, int gpus, int maxParallel, String options) {
    return params(partition, gpus, maxParallel, options, "");
  }

  private static SlurmExecutor.Params params(
      String partition, int gpus, int maxParallel, String options, String java) {
    return new SlurmExecutor.Params(
        partition,
        "4:00:00",
        2,
        "8G",
        gpus,
        maxParallel,
        "",
        "",
        "",
        options,
        "",
        java,
        "",
        true,
        "B:USR1@120",
        1,
        2);
  }

  private static final List<TrialLaunch> LAUNCHES =
      List.of(
          new TrialLaunch(
              "k0", List.of("java", "-jar", "/opt/nash.jar", "trial", "it's"), Map.of()),
          new TrialLaunch(
              "k1", List.of("java", "-jar", "/opt/nash.jar", "trial", "b"), Map.of("X", "a b")));

  @Test
  void theScriptAsksForTheResourcesAndRunsLaunchIInTaskI() throws Exception {
    String script =
        ArrayScript.of(params("gpu", 1, 2, "--exclusive --nice=10"), "ablation", LAUNCHES, "/logs");
    for (String line :
        List.of(
            "#SBATCH --job-name=nash-ablation",
            "#SBATCH --array=0-1%2",
            "#SBATCH --output=/logs/%A_%a.log",
            "#SBATCH --open-mode=append",
            "#SBATCH --cpus-per-task=2",
            "#SBATCH --mem=8G",
            "#SBATCH --time=4:00:00",
            "#SBATCH --partition=gpu",
            "#SBATCH --gres=gpu:1",
            "#SBATCH --requeue",
            "#SBATCH --signal=B:USR1@120",
            "#SBATCH --exclusive",
            "#SBATCH --nice=10",
            "export NASH_WATCH_INPUT=false",
            "export NASH_RUN_TAGS=\"nash.slurm.job-id=$task,nash.slurm.restarts=${SLURM_RESTART_COUNT:-0}\"",
            "trap 'requeue USR1' USR1")) {
      assertTrue(script.contains(line + "\n"), line + " in:\n" + script);
    }
    Path whole = dir.resolve("array.sh");
    Files.writeString(whole, script);
    assertEquals(0, new ProcessBuilder("bash", "-n", whole.toString()).start().waitFor(), script);
    // What bash makes of each task's command: run the case with echo in place of the trial.
    for (int task = 0; task < 2; task++) {
      assertEquals(
          List.of(
              "java -jar /opt/nash.jar trial " + (task == 0 ? "it's" : "b"),
              task == 0 ? "" : "a b"),
          bash(commandOf(script), task));
    }
  }

  @Test
  void theNodesJavaReplacesTheOneRunningTheSweep() {
    String script =
        ArrayScript.of(params("", 0, 0, "", "/shared/jdk17/bin/java"), "s", LAUNCHES, "/l");
    assertTrue(
        script.contains("    trial=('/shared/jdk17/bin/java' '-jar' '/opt/nash.jar'"), script);
  }

  @Test
  void withoutGpusOrAThrottleTheArrayIsPlain() {
    String script = ArrayScript.of(params("", 0, 0, ""), "s", LAUNCHES, "/l");
    assertTrue(script.contains("#SBATCH --array=0-1\n"), script);
    assertTrue(!script.contains("--gres") && !script.contains("--partition"), script);
  }

  @Test
  void aPartitionThatCouldBreakTheScriptIsRefusedNamingTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> params("gpu; rm -rf /", 0, 0, ""));
    assertTrue(e.getMessage().startsWith("partition must be one word"), e.getMessage());
    var options = assertThrows(IllegalArgumentException.class, () -> params("", 0, 0, "--x=$(id)"));
    assertTrue(options.getMessage().startsWith("sbatch-options must be"), options.getMessage());
  }

  /** The script's case statement with the trial echoed instead of run. */
  private static String commandOf(String script) {
    int start = script.indexOf("case ");
    int end = script.indexOf("esac\n") + 5;
    return script.substring(start, end) + "echo \"${trial[*]}\"\necho \"${X:-}\"\n";
  }

  private List<String> bash(String script, int task) throws IOException, InterruptedException {
    Path file = dir.resolve("case.sh");
    Files.writeString(file, script);
    ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
    builder.environment().put("SLURM_ARRAY_TASK_ID", Integer.toString(task));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    return List.of(out.split("\n", -1)).subList(0, 2);
  }
}
