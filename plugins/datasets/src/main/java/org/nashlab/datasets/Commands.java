package org.nashlab.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nashlab.api.EnvironmentException;

/** Runs the package-manager commands that fetch datasets. */
final class Commands {
  private Commands() {}

  static boolean available(String program) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
        .anyMatch(dir -> Path.of(dir, program).toFile().canExecute());
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs {@code command} in {@code dir}; fails with its output and {@code instead}. */
  static void run(List<String> command, Path dir, String instead) {
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new EnvironmentException(
            String.join(" ", command) + " failed:\n" + output.strip() + "\n" + instead);
      }
    } catch (IOException e) {
      throw new EnvironmentException(
          String.join(" ", command) + " could not run: " + e.getMessage() + "\n" + instead, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("interrupted: " + String.join(" ", command), e);
    }
  }
}
