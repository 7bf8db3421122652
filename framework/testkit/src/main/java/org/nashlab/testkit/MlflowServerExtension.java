package org.nashlab.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.nashlab.config.NashHome;
import org.nashlab.track.MlflowInstallation;
import org.nashlab.track.MlflowServer;

/**
 * A real MLflow server for integration tests, started once per test JVM on a free loopback port
 * with a fresh SQLite store, and stopped when the tests are done. MLflow itself is installed into
 * Nash's home on first use, exactly as {@code nash run} would.
 *
 * <pre>{@code
 * @ExtendWith(MlflowServerExtension.class)
 * class QuickstartIT {
 *   @Test
 *   void logsTheRun(MlflowServerExtension.Server mlflow) { ... mlflow.uri() ... }
 * }
 * }</pre>
 */
public final class MlflowServerExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MlflowServerExtension.class);

  /** A running test server; {@link #restart()} and {@link #stop()} drive outage tests. */
  public static final class Server implements ExtensionContext.Store.CloseableResource {
    private final Path store;
    private final int port;
    private MlflowServer process;

    Server(Path store, int port) {
      this.store = store;
      this.port = port;
    }

    /** Starts a server of its own on a free port with a new store: for tests that stop it. */
    public static Server startPrivate() {
      try {
        Server server =
            new Server(Files.createTempDirectory("nash-mlflow-"), MlflowServer.freePort());
        server.start();
        return server;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public String uri() {
      return "http://127.0.0.1:" + port;
    }

    public MlflowRuns runs() {
      return new MlflowRuns(uri());
    }

    public void start() {
      Path mlflow = new MlflowInstallation(NashHome.fromEnvironment().mlflow()).executable();
      process =
          MlflowServer.start(mlflow, store, port, false).awaitHealthy(Duration.ofSeconds(180));
    }

    public void stop() {
      if (process != null) {
        process.stop();
        process = null;
      }
    }

    /** Starts the server again on the same port and store. */
    public void restart() {
      stop();
      start();
    }

    @Override
    public void close() {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Server.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> Server.startPrivate(), Server.class);
  }
}
