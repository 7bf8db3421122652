package org.nashlab.train;

import org.nashlab.api.TrackedRun;
import org.nashlab.eval.Evaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a run's metrics on the {@link EvaluationSamples} and logs {@code eval/NAME} by step. A
 * metric's collapse signal tags the run {@code nash.collapsed=true} (and {@code nash.collapse} says
 * why and when); a later evaluation without one sets it back to {@code false}, so a sweep can
 * filter on the tag.
 */
final class RunEvaluation {
  private static final Logger log = LoggerFactory.getLogger(RunEvaluation.class);
  private final Evaluator evaluator;
  private final EvaluationSamples samples;
  private final TrackedRun run;
  private Boolean collapsed;

  RunEvaluation(TrialSetup setup, TrackedRun run) {
    this.evaluator = setup.evaluator();
    this.samples = new EvaluationSamples(setup);
    this.run = run;
    setup
        .features()
        .ifPresent(
            network -> {
              run.setTag("nash.features", network.id());
              network.provenance().forEach((k, v) -> run.setTag("nash.features." + k, v));
            });
  }

  void evaluate(long step) {
    if (!evaluator.hasMetrics()) {
      return;
    }
    long started = System.nanoTime();
    Evaluator.Result result = evaluator.evaluate(samples);
    result.values().forEach((key, value) -> run.logMetric(key, value, step));
    run.logMetric("eval/seconds", (System.nanoTime() - started) / 1e9, step);
    log.info("Evaluation at step {}: {}", step, result.values());
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
