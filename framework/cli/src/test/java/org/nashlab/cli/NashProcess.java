package org.nashlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code nash} run as a user runs it: the packaged jar in its own JVM, from the repository root,
 * with an environment of the test's choosing.
 */
record NashProcess(int exitCode, String out, String err) {
  static final Path REPO = Path.of(System.getProperty("nash.repo.root", "../.."));
  private static final Path JAR = Path.of(System.getProperty("nash.cli.jar", "target/nash.jar"));

  /** Runs {@code nash args} with {@code env} added to this JVM's environment less MLflow's. */
  static NashProcess run(Map<String, String> env, String... args) {
    return start(env, args).await();
  }

  /** A {@code nash} process still running. */
  record Running(Process process, Path out, Path err, String command) {
    /** Sends SIGTERM, as a scheduler or {@code kill} would. */
    void terminate() {
      process.destroy();
    }

    NashProcess await() {
      try {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(command + " did not finish in 10 minutes");
        }
        return new NashProcess(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** {@code run CONFIG... name=NAME}: an experiment and its overrides, run under another name. */
  static String[] runNamed(String name, String... config) {
    String[] args = new String[config.length + 2];
    args[0] = "run";
    System.arraycopy(config, 0, args, 1, config.length);
    args[args.length - 1] = "name=" + name;
    return args;
  }

  /** Starts {@code nash args} without waiting for it. */
  static Running start(Map<String, String> env, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of("java", "-Djava.awt.headless=true", "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
    builder.environment().remove("MLFLOW_TRACKING_URI");
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.environment().putAll(env);
    try {
      Path out = Files.createTempFile("nash-out", ".txt");
      Path err = Files.createTempFile("nash-err", ".txt");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      return new Running(process, out, err, "nash " + String.join(" ", args));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The MLflow run URL {@code nash run} printed last. */
  String runUrl() {
    return out.lines()
        .filter(l -> l.startsWith("MLflow run: "))
        .reduce((a, b) -> b)
        .map(l -> l.substring("MLflow run: ".length()).trim())
        .orElseThrow(() -> new AssertionError("no run URL printed:\n" + out + "\n" + err));
  }
}
