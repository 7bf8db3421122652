package org.nashlab.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.nashlab.api.TrackedRun;
import org.nashlab.config.TrainingSettings;

/**
 * The training loop in plain Java: runs the steps, fetches scalars only on logging steps (a
 * non-finite one ends the trial as diverged), writes sample pictures, evaluates the metrics and
 * saves checkpoints on schedule, and stops early when asked.
 */
final class TrainingLoop {
  /**
   * How the loop ended: {@code divergedAt} is the step of the first non-finite scalar, or 0; {@code
   * stopped} when a stop was requested (SIGTERM, Ctrl-C) before the last step.
   */
  record Outcome(long lastStep, long divergedAt, boolean stopped, Map<String, Float> lastScalars) {
    boolean diverged() {
      return divergedAt > 0;
    }
  }

  /** Saves a checkpoint after a step. */
  interface Checkpointer {
    void save(long step);
  }

  /** Evaluates the metrics after a step. */
  interface Evaluations {
    void evaluate(long step);
  }

  /** Told about progress; the progress bar listens. */
  interface Listener {
    void onStep(long step);

    void onScalars(long step, Map<String, Float> scalars);
  }

  /** A listener that holds something to release at the end, like a terminal progress bar. */
  interface ClosingListener extends Listener, AutoCloseable {
    @Override
    void close();
  }

  private final ScheduledSteps steps;
  private final TrainingSettings settings;
  private final TrackedRun run;
  private final SampleWriter samples;
  private final Evaluations evaluations;
  private final Listener listener;
  private final Checkpointer checkpointer;
  private final BooleanSupplier stopRequested;

  TrainingLoop(
      ScheduledSteps steps,
      TrainingSettings settings,
      TrackedRun run,
      SampleWriter samples,
      Evaluations evaluations,
      Listener listener,
      Checkpointer checkpointer,
      BooleanSupplier stopRequested) {
    this.steps = steps;
    this.settings = settings;
    this.run = run;
    this.samples = samples;
    this.evaluations = evaluations;
    this.listener = listener;
    this.checkpointer = checkpointer;
    this.stopRequested = stopRequested;
  }

  /** Runs steps {@code firstStep} to {@code training.steps}. */
  Outcome run(long firstStep) {
    Map<String, Float> scalars = new LinkedHashMap<>();
    long lastLogNanos = System.nanoTime();
    long lastLogStep = firstStep - 1;
    for (long step = firstStep; step <= settings.steps(); step++) {
      boolean logging = step % settings.logEvery() == 0 || step == settings.steps();
      scalars.clear();
      steps.step(step, logging, scalars);
      listener.onStep(step);
      if (logging) {
        long now = System.nanoTime();
        double stepsPerSecond = (step - lastLogStep) / ((now - lastLogNanos) / 1e9);
        lastLogNanos = now;
        lastLogStep = step;
        long at = step;
        scalars.forEach((key, value) -> run.logMetric(key, value, at));
        run.logMetric("speed/steps-per-second", stepsPerSecond, at);
        listener.onScalars(step, scalars);
        if (scalars.values().stream().anyMatch(v -> !Float.isFinite(v))) {
          return new Outcome(step, step, false, Map.copyOf(scalars));
        }
      }
      if (settings.sampleEvery() > 0
          && (step % settings.sampleEvery() == 0 || step == settings.steps())) {
        samples.write(step);
      }
      if (settings.evalEvery() > 0
          && (step % settings.evalEvery() == 0 || step == settings.steps())) {
        evaluations.evaluate(step);
      }
      boolean stop = stopRequested.getAsBoolean() && step < settings.steps();
      if (stop
          || step == settings.steps()
          || (settings.checkpointEvery() > 0 && step % settings.checkpointEvery() == 0)) {
        checkpointer.save(step);
      }
      if (stop) {
        return new Outcome(step, 0, true, Map.copyOf(scalars));
      }
    }
    return new Outcome(settings.steps(), 0, false, Map.copyOf(scalars));
  }
}
