package org.nashlab.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * A password in the tracking address reaches nothing Nash writes: a run and a sweep are made with
 * it, and their console output, everything they logged to MLflow (params, tags, metric keys, every
 * artifact) and every file under NASH_HOME (checkpoints, logs, spool) are searched for it.
 */
@ExtendWith(MlflowServerExtension.class)
class CredentialsIT {
  private static final String SECRET = "s3cr3t-Pa55";
  private static final String QUICKSTART =
      NashProcess.REPO.resolve("experiments/quickstart.yaml").toAbsolutePath().toString();

  @TempDir Path dir;

  @Test
  void aPasswordInTheTrackingAddressIsNowhereARunOrSweepWrote(MlflowServerExtension.Server mlflow)
      throws Exception {
    String address = mlflow.uri().replace("http://", "http://nash-user:" + SECRET + "@");
    Path home = dir.resolve("home");
    Map<String, String> env = Map.of("NASH_HOME", home.toString());
    List<String> written = new ArrayList<>();

    NashProcess run =
        NashProcess.run(
            env,
            "run",
            QUICKSTART,
            "name=credentials",
            "training.steps=200",
            "training.sample-every=100",
            "training.eval-every=100",
            "tracking.uri=" + address);
    assertEquals(0, run.exitCode(), run.err());
    written.add(run.out() + run.err());

    Path experiment = dir.resolve("with-address.yaml");
    Files.writeString(
        experiment,
        "extends: "
            + QUICKSTART
            + "\nname: credentials\ntraining: { steps: 100 }\ntracking: { uri: '"
            + address
            + "' }\n");
    Path sweep = dir.resolve("credentials-sweep.yaml");
    Files.writeString(
        sweep,
        "name: credentials-sweep\nexperiment: "
            + experiment
            + "\ngrid: { loss.name: [hinge, minimax] }\nmetric: loss/d\n");
    NashProcess swept = NashProcess.run(env, "sweep", sweep.toString());
    assertEquals(0, swept.exitCode(), swept.err());
    written.add(swept.out() + swept.err());

    MlflowRuns runs = mlflow.runs();
    // Stopped, then resumed: the checkpoint's copy of the address is masked, so resuming needs the
    // credentials from the environment, and says so without them.
    NashProcess.Running running =
        NashProcess.start(
            env,
            "run",
            QUICKSTART,
            "name=credentials-resumed",
            "training.steps=5000",
            "training.sample-every=0",
            "training.eval-every=0",
            "tracking.uri=" + address);
    String stoppedId = runs.awaitPoints("credentials-resumed", "loss/d", 50);
    running.terminate();
    written.add(running.await().err());
    NashProcess refused = NashProcess.run(env, "run", "--resume", stoppedId);
    assertEquals(3, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("set MLFLOW_TRACKING_USERNAME"), refused.err());
    written.add(refused.out() + refused.err());
    NashProcess resumed =
        NashProcess.run(
            Map.of(
                "NASH_HOME",
                home.toString(),
                "MLFLOW_TRACKING_USERNAME",
                "nash-user",
                "MLFLOW_TRACKING_PASSWORD",
                SECRET),
            "run",
            "--resume",
            stoppedId);
    written.add(resumed.out() + resumed.err());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertEquals(Service.RunStatus.FINISHED, runs.run(stoppedId).getInfo().getStatus());

    int artifacts = 0;
    for (String name : List.of("credentials", "credentials-sweep", "credentials-resumed")) {
      for (Service.RunInfo info : runs.runsOf(name)) {
        Service.Run logged = runs.run(info.getRunId());
        written.add(logged.getData().toString());
        for (String path : artifactsOf(runs, info.getRunId(), "")) {
          written.add(new String(runs.artifact(info.getRunId(), path), ISO_8859_1));
          artifacts++;
        }
      }
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        written.add(file + "\n" + new String(Files.readAllBytes(file), ISO_8859_1));
      }
    }

    assertTrue(artifacts >= 10, artifacts + " artifacts");
    assertTrue(
        written.stream().anyMatch(w -> w.contains("http://***@127.0.0.1")),
        "the masked address is logged where the address was");
    for (String text : written) {
      assertTrue(!text.contains(SECRET), "the password leaked into:\n" + excerpt(text));
    }
  }

  /** Every artifact path of the run, folders walked. */
  private static List<String> artifactsOf(MlflowRuns runs, String runId, String folder) {
    List<String> paths = new ArrayList<>();
    for (String name : runs.artifactNames(runId, folder)) {
      String path = folder.isEmpty() ? name : folder + "/" + name;
      List<String> inside = runs.artifactNames(runId, path);
      if (inside.isEmpty()) {
        paths.add(path);
      } else {
        paths.addAll(artifactsOf(runs, runId, path));
      }
    }
    return paths;
  }

  private static String excerpt(String text) {
    int at = text.indexOf(SECRET);
    return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
  }
}
