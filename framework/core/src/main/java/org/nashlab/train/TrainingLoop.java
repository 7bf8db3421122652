package org.nashlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.TrainingProgram;
import org.nashlab.config.TrainingSettings;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * The training loop in plain Java. A step is {@code d-steps} discriminator updates then one
 * generator update, each on a fresh real and latent batch. Scalars are fetched only on logging
 * steps; a non-finite one ends the trial as diverged.
 */
final class TrainingLoop {
  static final String DISCRIMINATOR = "discriminator";
  static final String GENERATOR = "generator";

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

  /** Told about progress; the progress bar listens. */
  interface Listener {
    void onStep(long step);

    void onScalars(long step, Map<String, Float> scalars);
  }

  private final Session session;
  private final TrialGraph graph;
  private final TrainingProgram.Update discriminator;
  private final TrainingProgram.Update generator;
  private final BatchFeeder feeder;
  private final RandomStreams streams;
  private final TrainingSettings settings;
  private final TrackedRun run;
  private final SampleWriter samples;
  private final Listener listener;
  private final Checkpointer checkpointer;
  private final BooleanSupplier stopRequested;

  TrainingLoop(
      Session session,
      TrialGraph graph,
      TrainingProgram program,
      BatchFeeder feeder,
      RandomStreams streams,
      TrainingSettings settings,
      TrackedRun run,
      SampleWriter samples,
      Listener listener,
      Checkpointer checkpointer,
      BooleanSupplier stopRequested) {
    this.session = session;
    this.graph = graph;
    this.discriminator = program.update(DISCRIMINATOR);
    this.generator = program.update(GENERATOR);
    this.feeder = feeder;
    this.streams = streams;
    this.settings = settings;
    this.run = run;
    this.samples = samples;
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
      for (int k = 1; k <= settings.dSteps(); k++) {
        runUpdate(discriminator, logging && k == settings.dSteps(), scalars);
      }
      runUpdate(generator, logging, scalars);
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

  private void runUpdate(TrainingProgram.Update update, boolean fetch, Map<String, Float> into) {
    Session.Runner runner =
        session
            .runner()
            .feed(graph.realBatch(), feeder.nextReal(streams.data))
            .feed(graph.latentInput(), feeder.nextLatent(streams.noise))
            .addTarget(update.train());
    if (!fetch) {
      runner.run().close();
      return;
    }
    List<String> keys = new ArrayList<>(update.scalars().keySet());
    keys.sort(null);
    for (String key : keys) {
      Operand<TFloat32> scalar = update.scalars().get(key);
      runner.fetch(scalar);
    }
    try (Result result = runner.run()) {
      for (int i = 0; i < keys.size(); i++) {
        into.put(keys.get(i), ((TFloat32) result.get(i)).getFloat());
      }
    }
  }
}
