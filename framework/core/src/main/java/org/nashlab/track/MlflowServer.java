package org.nashlab.track;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.EnvironmentException;

/**
 * A local {@code mlflow server} on loopback: SQLite backend, artifacts in a local folder, served
 * (proxied) by the server itself.
 *
 * <pre>{@code
 * MlflowServer server = MlflowServer.start(installation.executable(), store, port, false);
 * server.awaitHealthy(Duration.ofSeconds(90));
 * }</pre>
 */
public final class MlflowServer {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Process process;
  private final String uri;
  private final Path logFile;

  private MlflowServer(Process process, String uri, Path logFile) {
    this.process = process;
    this.uri = uri;
    this.logFile = logFile;
  }

  /**
   * Starts a server storing everything under {@code store}.
   *
   * @param detached in a session of its own, so that it outlives this process and Ctrl-C
   */
  public static MlflowServer start(Path mlflow, Path store, int port, boolean detached) {
    try {
      Files.createDirectories(store);
      Path logFile = store.resolve("server.log");
      List<String> command = new ArrayList<>();
      if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
        command.add("/usr/bin/setsid");
      }
      command.addAll(
          List.of(
              mlflow.toString(),
              "server",
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--workers",
              "1",
              "--backend-store-uri",
              "sqlite:///" + store.resolve("mlflow.db").toAbsolutePath(),
              "--artifacts-destination",
              store.resolve("artifacts").toAbsolutePath().toString()));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      return new MlflowServer(process, "http://127.0.0.1:" + port, logFile);
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot start the MLflow server " + mlflow + ": " + e.getMessage(), e);
    }
  }

  public String uri() {
    return uri;
  }

  public long pid() {
    return process.pid();
  }

  /** Waits until the server answers {@code /health}; fails with the log's location otherwise. */
  public MlflowServer awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (isHealthy(uri)) {
        return this;
      }
      if (!process.isAlive()) {
        throw new EnvironmentException(
            "the MLflow server exited with code " + process.exitValue() + "; see " + logFile);
      }
      sleep(250);
    }
    stop();
    throw new EnvironmentException(
        "the MLflow server did not answer within " + timeout.toSeconds() + " s; see " + logFile);
  }

  /** Stops the server and every process it started (its web workers). */
  public void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the server to exit, for {@code nash ui} in the foreground. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  public static boolean isHealthy(String uri) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(uri + "/health"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A port nothing listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EnvironmentException("cannot find a free local port: " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("interrupted while waiting for MLflow", e);
    }
  }
}
