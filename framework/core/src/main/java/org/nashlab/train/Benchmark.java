package org.nashlab.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.PluginRegistry;

/**
 * Training throughput of an experiment, measured the way training runs: the same graph, session
 * options and batches, scalars fetched every {@code log-every} steps, no tracking. Several timed
 * repeats after a warm-up; report the median.
 *
 * <pre>{@code
 * Benchmark.Result r = Benchmark.measure(spec, plugins, home, 30, 100, 5);
 * }</pre>
 */
public final class Benchmark {
  private Benchmark() {}

  /**
   * @param perRepeat iterations per second of each timed repeat, in order
   * @param median the median of {@code perRepeat}
   * @param cores the processors the JVM sees
   */
  public record Result(List<Double> perRepeat, double median, int cores) {}

  public static Result measure(
      ExperimentSpec spec,
      PluginRegistry plugins,
      NashHome home,
      int warmup,
      int iterations,
      int repeats) {
    try (TrialSetup setup = TrialSetup.build(spec, plugins, home)) {
      ScheduledSteps steps = new ScheduledSteps(setup, spec.training().steps());
      Map<String, Float> scalars = new HashMap<>();
      int logEvery = spec.training().logEvery();
      long step = 0;
      for (int i = 1; i <= warmup; i++) {
        steps.step(++step, i % logEvery == 0, scalars);
      }
      List<Double> rates = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        long start = System.nanoTime();
        for (int i = 1; i <= iterations; i++) {
          steps.step(++step, i % logEvery == 0, scalars);
        }
        rates.add(iterations / ((System.nanoTime() - start) / 1e9));
      }
      List<Double> sorted = rates.stream().sorted().toList();
      double median =
          repeats % 2 == 1
              ? sorted.get(repeats / 2)
              : (sorted.get(repeats / 2 - 1) + sorted.get(repeats / 2)) / 2;
      return new Result(rates, median, Runtime.getRuntime().availableProcessors());
    }
  }
}
