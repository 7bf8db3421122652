package org.nashlab.train;

import java.util.random.RandomGenerator;
import org.nashlab.api.Samples;
import org.nashlab.api.TrackedRun;
import org.nashlab.eval.Evaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a run's metrics on the fixed evaluation latent batch and logs {@code eval/NAME} by
 * step. The batch is drawn from a constant seed, not the trial's, so every evaluation of every
 * trial of a sweep sees the same noise. A metric's collapse signal tags the run {@code
 * nash.collapsed=true} (and {@code nash.collapse} says why and when); a later evaluation without
 * one sets it back to {@code false}, so a sweep can filter on the tag.
 */
final class RunEvaluation {
  private static final Logger log = LoggerFactory.getLogger(RunEvaluation.class);
  private static final long LATENT_SEED = 0xE7A1L;
  private final Evaluator evaluator;
  private final GeneratorSampler sampler;
  private final TrackedRun run;
  private final int latentDimension;
  private final int classes;
  private final org.tensorflow.ndarray.Shape sampleShape;
  private Boolean collapsed;

  RunEvaluation(TrialSetup setup, TrackedRun run) {
    this.evaluator = setup.evaluator();
    this.sampler = new GeneratorSampler(setup);
    this.run = run;
    this.latentDimension = setup.latentDimension();
    this.classes = GeneratorSampler.classes(setup);
    this.sampleShape = setup.data().sampleShape();
    evaluator.featuresId().ifPresent(id -> run.setTag("nash.features", id));
    setup
        .features()
        .ifPresent(f -> f.provenance().forEach((k, v) -> run.setTag("nash.features." + k, v)));
  }

  void evaluate(long step) {
    if (!evaluator.hasMetrics()) {
      return;
    }
    long started = System.nanoTime();
    Evaluator.Result result = evaluator.evaluate(this::generated);
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

  /** The first {@code n} rows of the fixed evaluation batch through the generator. */
  private Samples generated(int n) {
    float[] latent = new float[n * latentDimension];
    RandomGenerator stream = new SplitMix64(SplitMix64.mix(LATENT_SEED));
    BatchFeeder.fillNormal(latent, stream);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = classes == 0 ? 0 : i % classes;
    }
    return new Samples(n, sampleShape, sampler.sample(latent, labels, n));
  }
}
