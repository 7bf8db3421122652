package org.nashlab.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nashlab.config.NashHome;
import org.nashlab.track.MlflowInstallation;

/**
 * Runs a Python script with numpy and scipy, the independent reference numerical tests compare
 * with. The interpreter is the one of the virtual environment Nash installs MLflow into (MLflow
 * depends on both libraries), so the reference needs nothing installed by hand.
 *
 * <pre>{@code
 * Map<String, Double> ref = NumpyReference.run(script, folder);
 * }</pre>
 *
 * The script reads its inputs from {@code folder} (written with {@link #writeMatrix}) and prints
 * one {@code name value} line per result.
 */
public final class NumpyReference {
  private NumpyReference() {}

  /** Writes a row-major float matrix as text numpy reads with {@code np.loadtxt}. */
  public static void writeMatrix(Path file, float[] values, int columns) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      // Float.toString round-trips: numpy reads back the exact floats Java computed with.
      text.append(values[i]).append((i + 1) % columns == 0 ? '\n' : ' ');
    }
    Files.writeString(file, text, UTF_8);
  }

  /** Runs {@code script} in {@code folder} and returns its {@code name value} lines. */
  public static Map<String, Double> run(String script, Path folder)
      throws IOException, InterruptedException {
    return run(python(), script, folder);
  }

  /**
   * The interpreter of the MLflow virtual environment, with numpy and scipy; also the base of
   * references that need more packages in a virtual environment of their own.
   */
  public static Path python() {
    Path mlflow = new MlflowInstallation(NashHome.fromEnvironment().mlflow()).executable();
    return mlflow.resolveSibling("python");
  }

  /** Runs {@code script} with {@code python} in {@code folder}, as {@link #run(String, Path)}. */
  public static Map<String, Double> run(Path python, String script, Path folder)
      throws IOException, InterruptedException {
    Path file = folder.resolve("reference.py");
    Files.writeString(file, script, UTF_8);
    Process process =
        new ProcessBuilder(python.toString(), file.toString())
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (var reader = process.inputReader(UTF_8)) {
      reader.lines().forEach(lines::add);
    }
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("the numpy reference failed:\n" + String.join("\n", lines));
    }
    Map<String, Double> results = new LinkedHashMap<>();
    for (String line : lines) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        results.put(parts[0], Double.parseDouble(parts[1]));
      }
    }
    return results;
  }
}
