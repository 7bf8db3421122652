package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.config.NashHome;
import org.nashlab.track.MlflowServer;

/**
 * With no MLFLOW_TRACKING_URI, {@code nash run} starts its own server in the background, prints
 * where it is, and later runs reuse it.
 */
class EmbeddedMlflowIT {
  @TempDir Path home;

  @AfterEach
  void stopTheServer() throws Exception {
    serverPid()
        .flatMap(ProcessHandle::of)
        .ifPresent(
            p -> {
              p.descendants().forEach(ProcessHandle::destroy);
              p.destroy();
            });
  }

  @Test
  void startsALocalServerOnceAndReusesIt() throws Exception {
    // Share the MLflow installation the test harness made; everything else lives in this home.
    Path venv = NashHome.fromEnvironment().mlflow().resolve("venv");
    Files.createDirectories(home.resolve("mlflow"));
    Files.createSymbolicLink(home.resolve("mlflow/venv"), venv);
    int port = MlflowServer.freePort();
    Map<String, String> env =
        Map.of("NASH_HOME", home.toString(), "NASH_MLFLOW_PORT", Integer.toString(port));

    NashProcess first =
        NashProcess.run(env, "run", "experiments/quickstart.yaml", "training.steps=100");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    assertTrue(
        first.runUrl().startsWith("http://127.0.0.1:" + port + "/#/experiments/"), first.out());
    assertTrue(
        first.err().contains("Started a local MLflow server at http://127.0.0.1:" + port),
        first.err());
    long pid = serverPid().orElseThrow();

    NashProcess second =
        NashProcess.run(env, "run", "experiments/quickstart.yaml", "training.steps=100");
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(!second.err().contains("Started a local MLflow server"), second.err());
    assertEquals(pid, serverPid().orElseThrow());

    NashProcess ui = NashProcess.run(env, "ui");
    assertEquals(0, ui.exitCode(), ui.err());
    assertEquals(
        "MLflow UI: http://127.0.0.1:" + port + " (already running in the background)\n", ui.out());
  }

  private java.util.Optional<Long> serverPid() throws Exception {
    Path state = home.resolve("mlflow/server.properties");
    if (!Files.exists(state)) {
      return java.util.Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(state)) {
      properties.load(in);
    }
    return java.util.Optional.of(Long.parseLong(properties.getProperty("pid")));
  }
}
