package org.nashlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nashlab.sweep.SweepLoader;
import org.nashlab.sweep.SweepPlan;
import org.nashlab.sweep.SweepRunner;

/**
 * Times one sweep file at parallelism 1 and 2 in one session (each under a fresh name, so nothing
 * is resumed), and estimates the orchestration overhead per trial: the wall time per trial at
 * parallelism 1 less the trial's own training time, from its logged steps per second.
 */
final class SweepBenchmark {
  private SweepBenchmark() {}

  static void measure(Path file, Workspace workspace, List<String> nashCommand, PrintWriter out) {
    long stamp = System.currentTimeMillis();
    double[] wall = new double[3];
    double trainingSeconds = 0;
    int trials = 0;
    for (int parallelism = 1; parallelism <= 2; parallelism++) {
      var sweep =
          SweepLoader.load(
              file,
              workspace.plugins(),
              Map.of(
                  "name",
                  "bench-sweep-p" + parallelism + "-" + stamp,
                  "executor",
                  Map.of("name", "local", "parallelism", parallelism)));
      SweepPlan plan = SweepPlan.of(sweep, workspace.plugins());
      long start = System.nanoTime();
      SweepRunner.Result result =
          new SweepRunner(workspace.plugins(), workspace.home(), nashCommand, out).run(plan, false);
      wall[parallelism] = (System.nanoTime() - start) / 1e9;
      if (parallelism == 1) {
        trials = plan.trials().size();
        for (int i = 0; i < trials; i++) {
          double speed = result.trialMetrics().get(i).getOrDefault("speed/steps-per-second", 0.0);
          long steps = plan.trials().get(i).spec().training().steps();
          trainingSeconds += speed > 0 ? steps / speed : 0;
        }
      }
    }
    out.printf(
        "%n%d trials: %.1f s at parallelism 1, %.1f s at parallelism 2 (speed-up %.2fx on %d"
            + " cores).%nPer trial at parallelism 1: %.1f s wall, of which %.1f s training and %.1f s"
            + " overhead (JVM start, TensorFlow load, graph build, MLflow calls).%n",
        trials,
        wall[1],
        wall[2],
        wall[1] / wall[2],
        Runtime.getRuntime().availableProcessors(),
        wall[1] / trials,
        trainingSeconds / trials,
        (wall[1] - trainingSeconds) / trials);
  }
}
