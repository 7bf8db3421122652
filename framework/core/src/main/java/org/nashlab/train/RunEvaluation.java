package org.nashlab.train;

import java.util.Map;
import org.nashlab.api.TrackedRun;
import org.nashlab.eval.Evaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a run's metrics on the {@link EvaluationSamples} and logs {@code eval/NAME} by step,
 * with the program's probes averaged over {@value #PROBE_ROWS} fixed rows as {@code eval/KEY}. A
 * metric's collapse signal tags the run {@code nash.collapsed=true} (and {@code nash.collapse} says
 * why and when); a later evaluation without one sets it back to {@code false}, so a sweep can
 * filter on the tag.
 */
final class RunEvaluation {
  /** How many fixed evaluation rows a program's probes are averaged over. */
  static final int PROBE_ROWS = 1000;

  private static final Logger log = LoggerFactory.getLogger(RunEvaluation.class);
  private final Evaluator evaluator;
  private final EvaluationSamples samples;
  private final TrackedRun run;
  private final boolean hasProbes;
  private Boolean collapsed;

  RunEvaluation(TrialSetup setup, TrackedRun run) {
    this.evaluator = setup.evaluator();
    this.samples = new EvaluationSamples(setup);
    this.run = run;
    this.hasProbes = !setup.program().probes().isEmpty();
    setup
        .features()
        .ifPresent(
            network -> {
              run.setTag("nash.features", network.id());
              network.provenance().forEach((k, v) -> run.setTag("nash.features." + k, v));
            });
  }

  void evaluate(long step) {
    if (!evaluator.hasMetrics() && !hasProbes) {
      return;
    }
    long started = System.nanoTime();
    Evaluator.Result result = evaluator.evaluate(samples);
    result.values().forEach((key, value) -> run.logMetric(key, value, step));
    Map<String, Double> probes = samples.probes(PROBE_ROWS);
    probes.forEach((key, value) -> run.logMetric("eval/" + key, value, step));
    run.logMetric("eval/seconds", (System.nanoTime() - started) / 1e9, step);
    log.info("Evaluation at step {}: {} {}", step, result.values(), probes);
    boolean now = result.collapse().isPresent();
    if (now) {
      run.setTag("nash.collapse", result.collapse().get() + " at step " + step);
    }
    if (collapsed == null || collapsed != now) {
      run.setTag("nash.collapsed", Boolean.toString(now));
      collapsed = now;
    }
  }
}
