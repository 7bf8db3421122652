package org.nashlab.track;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nashlab.api.EnvironmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mlflow} package in a virtual environment under Nash's home, installed from PyPI on
 * first use. One pinned version, so every machine runs the server the tests ran against.
 */
public final class MlflowInstallation {
  private static final Logger log = LoggerFactory.getLogger(MlflowInstallation.class);

  /** 3.18.0's mlflow-skinny was missing from the registry this was built against. */
  public static final String VERSION = "3.17.2";

  private final Path folder;

  /**
   * @param folder where the virtual environment lives, for example {@code ~/.nash/mlflow}
   */
  public MlflowInstallation(Path folder) {
    this.folder = folder;
  }

  /** The {@code mlflow} executable, installing it first if needed. Safe across processes. */
  public Path executable() {
    Path mlflow = folder.resolve("venv/bin/mlflow");
    Path marker = folder.resolve("venv/.nash-mlflow-" + VERSION);
    if (Files.exists(marker)) {
      return mlflow;
    }
    try {
      return ProcessLock.holding(
          folder.resolve("install.lock"),
          () -> {
            if (!Files.exists(marker)) {
              install();
              Files.createFile(marker);
            }
            return mlflow;
          });
    } catch (EnvironmentException e) {
      throw e;
    } catch (Exception e) {
      throw new EnvironmentException(
          "cannot install MLflow under " + folder + ": " + e.getMessage(), e);
    }
  }

  private void install() throws IOException {
    String python = System.getenv().getOrDefault("NASH_PYTHON", "python3");
    Path logFile = folder.resolve("install.log");
    log.info(
        "Installing MLflow {} into {} (first use only; about a minute)",
        VERSION,
        folder.resolve("venv"));
    run(
        List.of(python, "-m", "venv", "--clear", folder.resolve("venv").toString()),
        logFile,
        python);
    run(
        List.of(
            folder.resolve("venv/bin/pip").toString(),
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "mlflow==" + VERSION),
        logFile,
        python);
  }

  private static void run(List<String> command, Path logFile, String python) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    try {
      if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new EnvironmentException(
            "installing MLflow failed ("
                + String.join(" ", command)
                + "); see "
                + logFile
                + ". Nash needs "
                + python
                + " with the venv module and access to PyPI"
                + " (set NASH_PYTHON to use another Python), or set MLFLOW_TRACKING_URI to a"
                + " running MLflow server.");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new EnvironmentException("interrupted while installing MLflow", e);
    }
  }
}
