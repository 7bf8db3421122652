package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/** The README's main command, end to end, read back from a real MLflow server. */
@ExtendWith(MlflowServerExtension.class)
class QuickstartIT {
  @TempDir Path home;

  @Test
  void quickstartFinishesAndLogsEverythingToMlflow(MlflowServerExtension.Server mlflow) {
    NashProcess nash =
        NashProcess.run(
            Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString()),
            "run",
            "experiments/quickstart.yaml");
    assertEquals(0, nash.exitCode(), nash.out() + nash.err());
    String url = nash.runUrl();
    assertTrue(url.startsWith(mlflow.uri() + "/#/experiments/"), url);

    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(url);
    Service.RunInfo info = runs.run(runId).getInfo();
    assertEquals(Service.RunStatus.FINISHED, info.getStatus());
    assertEquals("quickstart-seed1", info.getRunName());

    Map<String, String> params = runs.params(runId);
    assertEquals("vanilla", params.get("variant.name"));
    assertEquals("0.001", params.get("optimizers.generator.lr"));
    assertEquals("3000", params.get("training.steps"));
    assertEquals("8", params.get("dataset.modes"));

    Map<String, String> tags = runs.tags(runId);
    assertEquals("vanilla", tags.get("nash.variant"));
    assertEquals("non-saturating", tags.get("nash.loss"));
    assertEquals("1", tags.get("nash.seed"));
    assertEquals("finished", tags.get("nash.outcome"));
    assertTrue(tags.get("nash.trial-key").matches("[0-9a-f]{16}"), tags.toString());
    assertTrue(
        tags.getOrDefault("mlflow.source.git.commit", "").matches("[0-9a-f]{40}"), tags.toString());

    for (String key : List.of("loss/d", "loss/g")) {
      List<Service.Metric> history = runs.history(runId, key);
      assertEquals(300, history.size(), key);
      assertEquals(10, history.get(0).getStep());
      assertEquals(3000, history.get(299).getStep());
      assertTrue(history.stream().allMatch(m -> Double.isFinite(m.getValue())), key);
    }

    // Mode coverage every 500 steps: whole modes out of 8, a share, and a KL within [0, log 8].
    for (String key : List.of("eval/modes-covered", "eval/high-quality", "eval/mode-kl")) {
      List<Service.Metric> history = runs.history(runId, key);
      assertEquals(
          List.of(500L, 1000L, 1500L, 2000L, 2500L, 3000L),
          history.stream().map(Service.Metric::getStep).sorted().toList(),
          key);
    }
    runs.history(runId, "eval/modes-covered")
        .forEach(m -> assertTrue(m.getValue() == Math.rint(m.getValue()) && m.getValue() <= 8));
    runs.history(runId, "eval/mode-kl")
        .forEach(m -> assertTrue(m.getValue() >= 0 && m.getValue() <= Math.log(8) + 1e-9));
    assertTrue(Set.of("true", "false").contains(tags.get("nash.collapsed")), tags.toString());

    String config = new String(runs.artifact(runId, "config.yaml"), StandardCharsets.UTF_8);
    assertTrue(config.contains("name: quickstart") && config.contains("latent-dim: 64"), config);
    assertEquals(
        List.of(
            "step-000500.png",
            "step-001000.png",
            "step-001500.png",
            "step-002000.png",
            "step-002500.png",
            "step-003000.png"),
        runs.artifactNames(runId, "samples"));
    byte[] png = runs.artifact(runId, "samples/step-003000.png");
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
  }

  @Test
  void anInvalidExperimentExitsTwoNamingFileAndKeyAndCreatesNothingInMlflow(
      MlflowServerExtension.Server mlflow) throws Exception {
    Path file =
        Files.writeString(
            home.resolve("never-logged.yaml"),
            Files.readString(NashProcess.REPO.resolve("experiments/quickstart.yaml"))
                .replace("name: quickstart", "name: never-logged")
                .replace("name: non-saturating", "name: hnige"));
    NashProcess nash =
        NashProcess.run(
            Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "NASH_HOME", home.toString()),
            "run",
            file.toString());
    assertEquals(2, nash.exitCode(), nash.out() + nash.err());
    assertTrue(
        nash.err().contains(file + ": loss.name: 'hnige' is not a loss; did you mean 'hinge'?"),
        nash.err());
    assertEquals(List.of(), mlflow.runs().runsOf("never-logged"));
  }
}
