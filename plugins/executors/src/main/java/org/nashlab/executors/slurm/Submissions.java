package org.nashlab.executors.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which task runs which trial, kept in {@code submissions.tsv} beside the sweep's task logs ({@code
 * TRIAL_KEY<TAB>TASK_ID} lines, the latest line of a key winning), so that a sweep started again
 * follows the tasks still queued or running instead of submitting its trials twice.
 */
final class Submissions {
  private final Path file;
  private final Map<String, String> taskOf = new LinkedHashMap<>();

  private Submissions(Path file) {
    this.file = file;
  }

  static Submissions in(Path logDir) {
    Submissions submissions = new Submissions(logDir.resolve("submissions.tsv"));
    try {
      if (Files.isRegularFile(submissions.file)) {
        for (String line : Files.readAllLines(submissions.file)) {
          String[] fields = line.split("\t");
          if (fields.length == 2) {
            submissions.taskOf.put(fields[0], fields[1]);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + submissions.file, e);
    }
    return submissions;
  }

  /** The latest task submitted for trial {@code key}. */
  Optional<String> task(String key) {
    return Optional.ofNullable(taskOf.get(key));
  }

  /** The latest task of every trial. */
  Collection<String> tasks() {
    return List.copyOf(taskOf.values());
  }

  void record(String key, String task) {
    taskOf.put(key, task);
    try {
      Files.writeString(
          file, key + "\t" + task + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
