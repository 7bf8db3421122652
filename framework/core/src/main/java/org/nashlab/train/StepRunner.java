package org.nashlab.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.DiscriminatorSchedule;
import org.nashlab.api.ScheduleContext;
import org.nashlab.api.TrainingProgram;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One training step: {@code d-steps} discriminator updates, then one generator update, each on a
 * fresh real and latent batch; scalars fetched only when asked. When a technique schedules D's
 * updates (d-skip), D's loss is first measured on the step's first batch, the schedules decide how
 * many D updates run, and the first of them trains on that same batch; with none, D's scalars are
 * those measured. The decision depends only on the state at the start of the step, so a resumed
 * trial decides exactly as an uninterrupted one.
 */
final class StepRunner {
  static final String DISCRIMINATOR = "discriminator";
  static final String GENERATOR = "generator";
  static final String DISCRIMINATOR_UPDATES = "schedule/d-updates";
  private static final String DISCRIMINATOR_LOSS = "loss/d";

  private final Session session;
  private final TrialGraph graph;
  private final TrainingProgram.Update discriminator;
  private final TrainingProgram.Update generator;
  private final BatchFeeder feeder;
  private final RandomStreams streams;
  private final int dSteps;
  private final int classes;
  private final List<DiscriminatorSchedule> schedules;
  private final Map<TrainingProgram.Update, List<String>> sortedScalarKeys = new HashMap<>();

  StepRunner(TrialSetup setup, int dSteps) {
    this.session = setup.session();
    this.graph = setup.graph();
    this.discriminator = setup.program().update(DISCRIMINATOR);
    this.generator = setup.program().update(GENERATOR);
    this.feeder = setup.feeder();
    this.streams = setup.streams();
    this.dSteps = dSteps;
    this.classes = setup.graph().conditional() ? setup.graph().classes() : 0;
    this.schedules = setup.graph().schedules();
    for (TrainingProgram.Update update : List.of(discriminator, generator)) {
      sortedScalarKeys.put(update, update.scalars().keySet().stream().sorted().toList());
    }
  }

  /**
   * Runs generator step {@code step} (1-based); when {@code fetch}, puts the last D update's and
   * G's scalars in {@code into}.
   */
  void step(long step, boolean fetch, Map<String, Float> into) {
    if (schedules.isEmpty()) {
      for (int k = 1; k <= dSteps; k++) {
        run(discriminator, draw(), true, fetch && k == dSteps, into);
      }
    } else {
      scheduledDiscriminator(step, fetch, into);
    }
    run(generator, draw(), true, fetch, into);
  }

  private void scheduledDiscriminator(long step, boolean fetch, Map<String, Float> into) {
    Map<String, Float> measured = new HashMap<>();
    Batch first = draw();
    run(discriminator, first, false, true, measured);
    int updates = dSteps;
    for (DiscriminatorSchedule schedule : schedules) {
      updates =
          schedule.discriminatorUpdates(
              new ScheduleContext(step - 1, updates, measured.get(DISCRIMINATOR_LOSS)));
    }
    if (updates == 0 && fetch) {
      into.putAll(measured);
    }
    for (int k = 1; k <= updates; k++) {
      run(discriminator, k == 1 ? first : draw(), true, fetch && k == updates, into);
    }
    if (fetch) {
      into.put(DISCRIMINATOR_UPDATES, (float) updates);
    }
  }

  /** The tensors of one update's inputs; the feeder reuses them, so valid until the next draw. */
  private record Batch(TFloat32 real, TFloat32 latent, TInt32 realLabels, TInt32 fakeLabels) {}

  /** The next real and latent batch (and labels). */
  private Batch draw() {
    TFloat32 real = feeder.nextReal(streams.data);
    TFloat32 latent = feeder.nextLatent(streams.noise);
    return classes > 0
        ? new Batch(
            real, latent, feeder.realLabels(), feeder.nextFakeLabels(streams.noise, classes))
        : new Batch(real, latent, null, null);
  }

  private Session.Runner runner(Batch batch) {
    Session.Runner runner =
        session
            .runner()
            .feed(graph.realBatch(), batch.real())
            .feed(graph.latentInput(), batch.latent());
    if (classes > 0) {
      runner
          .feed(graph.realLabels(), batch.realLabels())
          .feed(graph.fakeLabels(), batch.fakeLabels());
    }
    return runner;
  }

  private void run(
      TrainingProgram.Update update,
      Batch batch,
      boolean train,
      boolean fetch,
      Map<String, Float> into) {
    Session.Runner runner = runner(batch);
    if (train) {
      runner.addTarget(update.train());
    }
    if (!fetch) {
      runner.run().close();
      return;
    }
    List<String> keys = sortedScalarKeys.get(update);
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
