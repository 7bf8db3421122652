package org.nashlab.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.PluginRegistry;
import org.tensorflow.proto.RunMetadata;

/**
 * Training throughput of an experiment, measured the way training runs: the same graph, session
 * options and batches, scalars fetched every {@code log-every} steps, no tracking. Several timed
 * repeats after a warm-up; report the median. One untimed iteration between them is traced, for its
 * FLOPs and where its time goes, and the machine's MatMul peak is measured last.
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
   * @param trace TensorFlow's trace of one untimed iteration after the warm-up
   * @param matmulPeak GFLOP/s of the best float32 MatMul in this process ({@link MatMulPeak})
   */
  public record Result(
      List<Double> perRepeat, double median, int cores, StepTrace trace, double matmulPeak) {
    /** Dense FLOPs of one iteration's matrix products and convolutions, in billions. */
    public double gflopPerIteration() {
      return trace.flops() / 1e9;
    }

    /** The rate the median iteration computed at. */
    public double gflops() {
      return gflopPerIteration() * median;
    }

    /** {@link #gflops} as a share of the MatMul peak. */
    public double shareOfPeak() {
      return gflops() / matmulPeak;
    }
  }

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
      List<RunMetadata> calls = new ArrayList<>();
      steps.traced(++step, calls::add);
      StepTrace trace = StepTrace.of(calls);
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
      double peak =
          MatMulPeak.measure(
              SessionSettings.configProto(spec.training().device(), setup.conditions()), 3);
      return new Result(rates, median, Runtime.getRuntime().availableProcessors(), trace, peak);
    }
  }
}
