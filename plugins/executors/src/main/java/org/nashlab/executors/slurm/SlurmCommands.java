package org.nashlab.executors.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nashlab.api.EnvironmentException;

/**
 * The Slurm commands the executor runs, {@code sbatch}, {@code squeue}, {@code scontrol} and {@code
 * scancel}, with their output parsed. {@code sacct} is not used: a cluster without accounting has
 * no history in it, and finished tasks stay in {@code squeue -t all} for {@code MinJobAge} (300 s
 * by default) and in {@code scontrol show job} as long.
 */
final class SlurmCommands {
  private static final Pattern EXIT_CODE = Pattern.compile("\\bExitCode=(\\d+):(\\d+)");
  private static final Pattern JOB_STATE = Pattern.compile("\\bJobState=(\\S+)");
  private static final Pattern REASON = Pattern.compile("\\bReason=(\\S+)");

  private SlurmCommands() {}

  /** Submits {@code script}; returns the array's job id. */
  static String submit(Path script) {
    String out = run(List.of("sbatch", "--parsable", script.toString())).trim();
    // --parsable prints "ID" or "ID;CLUSTER".
    return out.split(";")[0];
  }

  /** The tasks of {@code jobs} (array ids or task ids) the queue still knows, one per task. */
  static List<TaskState> tasks(Collection<String> jobs) {
    if (jobs.isEmpty()) {
      return List.of();
    }
    String out =
        run(
            List.of(
                "squeue", "-h", "-r", "-t", "all", "-o", "%i|%T|%r", "-j", String.join(",", jobs)),
            true);
    List<TaskState> tasks = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] fields = line.trim().split("\\|", 3);
      if (fields.length == 3) {
        tasks.add(new TaskState(fields[0], fields[1], fields[2]));
      }
    }
    return tasks;
  }

  /**
   * How task {@code id} ended: its state and reason and its exit code (the signal's number plus 128
   * when a signal ended it), or empty when Slurm has forgotten it.
   */
  static Optional<Ended> ended(String id) {
    String out = run(List.of("scontrol", "-o", "show", "job", id), true);
    Matcher state = JOB_STATE.matcher(out);
    Matcher exit = EXIT_CODE.matcher(out);
    if (!state.find() || !exit.find()) {
      return Optional.empty();
    }
    Matcher reason = REASON.matcher(out);
    int code = Integer.parseInt(exit.group(1));
    int signal = Integer.parseInt(exit.group(2));
    return Optional.of(
        new Ended(
            new TaskState(id, state.group(1), reason.find() ? reason.group(1) : "None"),
            signal != 0 ? 128 + signal : code));
  }

  /** A task's end. */
  record Ended(TaskState state, int exitCode) {}

  /** The cluster's nodes, by name. */
  static List<String> nodes() {
    return List.of(run(List.of("sinfo", "-h", "-N", "-o", "%N")).trim().split("\\s+")).stream()
        .distinct()
        .toList();
  }

  /** Cancels jobs or tasks. */
  static void cancel(Collection<String> ids) {
    if (!ids.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("scancel"));
      command.addAll(ids);
      run(command);
    }
  }

  private static String run(List<String> command) {
    return run(command, false);
  }

  /** Runs a command; with {@code tolerant}, a failure gives what it printed instead of throwing. */
  private static String run(List<String> command, boolean tolerant) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new EnvironmentException(command.get(0) + " did not answer in 2 minutes");
      }
      if (process.exitValue() != 0 && !tolerant) {
        throw new EnvironmentException(
            String.join(" ", command)
                + " failed (exit "
                + process.exitValue()
                + "): "
                + out.trim());
      }
      return out;
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot run Slurm's "
              + command.get(0)
              + " ("
              + e.getMessage()
              + "): run the sweep on a machine that submits jobs to the cluster (a login node)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("interrupted while running " + command.get(0), e);
    }
  }
}
