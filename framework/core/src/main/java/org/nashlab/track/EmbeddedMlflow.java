package org.nashlab.track;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.nashlab.api.EnvironmentException;
import org.nashlab.config.NashHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nash's own MLflow server, used when no {@code MLFLOW_TRACKING_URI} is set: installed into {@code
 * NASH_HOME/mlflow}, started once in the background on 127.0.0.1 (port {@code NASH_MLFLOW_PORT},
 * default 5000), and reused by every later run.
 */
public final class EmbeddedMlflow {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMlflow.class);
  private static final int DEFAULT_PORT = 5000;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private EmbeddedMlflow() {}

  /** The server's address, starting it first when it is not running. */
  public static String ensureRunning(NashHome home) {
    Path folder = home.mlflow();
    try {
      return ProcessLock.holding(folder.resolve("server.lock"), () -> startUnlessRunning(home));
    } catch (EnvironmentException e) {
      throw e;
    } catch (Exception e) {
      throw new EnvironmentException(
          "cannot start Nash's local MLflow server: " + e.getMessage(), e);
    }
  }

  private static String startUnlessRunning(NashHome home) throws IOException {
    Optional<String> running = running(home);
    if (running.isPresent()) {
      return running.get();
    }
    int port = port();
    Path executable = new MlflowInstallation(home.mlflow()).executable();
    MlflowServer server =
        MlflowServer.start(executable, store(home), port, true).awaitHealthy(START_TIMEOUT);
    Properties state = new Properties();
    state.setProperty("pid", Long.toString(server.pid()));
    state.setProperty("uri", server.uri());
    try (Writer out = Files.newBufferedWriter(stateFile(home))) {
      state.store(out, "Nash's local MLflow server");
    }
    log.info(
        "Started a local MLflow server at {} (pid {}); it keeps running for later runs."
            + " Data: {}. Stop it with: kill {}",
        server.uri(),
        server.pid(),
        store(home),
        server.pid());
    return server.uri();
  }

  /** The address of Nash's local server if it is up. */
  public static Optional<String> running(NashHome home) {
    Path file = stateFile(home);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties state = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      state.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    String uri = state.getProperty("uri", "");
    return !uri.isEmpty() && MlflowServer.isHealthy(uri) ? Optional.of(uri) : Optional.empty();
  }

  /**
   * Runs the local server in this process's foreground until it is stopped, for {@code nash ui}.
   */
  public static int runInForeground(NashHome home) throws InterruptedException {
    Path executable = new MlflowInstallation(home.mlflow()).executable();
    MlflowServer server = MlflowServer.start(executable, store(home), port(), false);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    server.awaitHealthy(START_TIMEOUT);
    log.info("MLflow UI: {} (Ctrl-C stops it)", server.uri());
    return server.waitFor();
  }

  private static Path store(NashHome home) {
    return home.mlflow().resolve("store");
  }

  private static Path stateFile(NashHome home) {
    return home.mlflow().resolve("server.properties");
  }

  private static int port() {
    String wanted = System.getenv("NASH_MLFLOW_PORT");
    int port = wanted == null || wanted.isBlank() ? DEFAULT_PORT : Integer.parseInt(wanted.trim());
    if (isFree(port)) {
      return port;
    }
    int other = MlflowServer.freePort();
    log.info("Port {} is taken; Nash's local MLflow server uses port {}", port, other);
    return other;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }
}
