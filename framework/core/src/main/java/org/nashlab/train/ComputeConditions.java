package org.nashlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.Executor;
import org.nashlab.config.Device;

/**
 * What a run's numbers depend on besides its configuration: TensorFlow's thread pools (kernels
 * split their sums differently at another thread count), the CPU (other vector instructions round
 * differently) and the GPUs visible. Recorded with every run and every checkpoint, so a curve says
 * under which conditions it is reproducible and a resume says when they changed.
 *
 * @param threads the size of TensorFlow's intra- and inter-op pools
 * @param threadsFrom {@code NASH_THREADS}, or TensorFlow's default of one thread per core
 * @param cpu the processor's model name
 * @param gpus the GPUs the session may use: none for {@code device: cpu}, else {@code
 *     CUDA_VISIBLE_DEVICES} ({@code all} when unset, {@code none} when empty)
 */
record ComputeConditions(int threads, String threadsFrom, String cpu, String gpus) {
  private static final String DEFAULT = "default (one per core)";

  /** The keys a resume compares: what changes the numbers, not how it was set. */
  private static final List<String> COMPARED = List.of("nash.threads", "nash.cpu", "nash.gpus");

  /** This process's conditions for a trial on {@code device}, from its environment. */
  static ComputeConditions current(Device device) {
    return of(System.getenv(), Runtime.getRuntime().availableProcessors(), cpuModel(), device);
  }

  static ComputeConditions of(Map<String, String> env, int cores, String cpu, Device device) {
    String visible = env.get("CUDA_VISIBLE_DEVICES");
    String gpus =
        device == Device.CPU
            ? "none (device cpu)"
            : visible == null ? "all" : visible.isBlank() ? "none" : visible;
    String written = env.get(Executor.THREADS);
    if (written == null || written.isBlank()) {
      return new ComputeConditions(cores, DEFAULT, cpu, gpus);
    }
    try {
      int threads = Integer.parseInt(written.strip());
      if (threads >= 1) {
        return new ComputeConditions(threads, Executor.THREADS, cpu, gpus);
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new EnvironmentException(
        Executor.THREADS
            + "='"
            + written
            + "' is not a thread count: set a whole number >= 1, or"
            + " unset it for one thread per core");
  }

  /** Whether the threads were set, rather than left to TensorFlow's default. */
  boolean threadsSet() {
    return !threadsFrom.equals(DEFAULT);
  }

  /** As run tags and checkpoint properties. */
  Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("nash.threads", Integer.toString(threads));
    tags.put("nash.threads-from", threadsFrom);
    tags.put("nash.cpu", cpu);
    tags.put("nash.gpus", gpus);
    return tags;
  }

  /**
   * What differs from {@code before} in what changes the numbers (threads, CPU, GPUs), as {@code
   * nash.threads 1 -> 2}; empty when nothing does.
   */
  Optional<String> changesSince(Map<String, String> before) {
    Map<String, String> now = tags();
    List<String> changes = new ArrayList<>();
    for (String key : COMPARED) {
      String then = before.get(key);
      if (then != null && !then.equals(now.get(key))) {
        changes.add(key + " " + then + " -> " + now.get(key));
      }
    }
    return changes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", changes));
  }

  private static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      try (Stream<String> lines = Files.lines(info)) {
        Optional<String> model =
            lines
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst();
        if (model.isPresent()) {
          return model.get();
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // Fall back to the architecture.
      }
    }
    return System.getProperty("os.arch");
  }
}
