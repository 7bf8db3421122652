package org.nashlab.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.TrainingProgram;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * One training step: {@code d-steps} discriminator updates, then one generator update, each on a
 * fresh real and latent batch; scalars fetched only when asked.
 */
final class StepRunner {
  static final String DISCRIMINATOR = "discriminator";
  static final String GENERATOR = "generator";

  private final Session session;
  private final TrialGraph graph;
  private final TrainingProgram.Update discriminator;
  private final TrainingProgram.Update generator;
  private final BatchFeeder feeder;
  private final RandomStreams streams;
  private final int dSteps;
  private final int classes;
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
    for (TrainingProgram.Update update : List.of(discriminator, generator)) {
      sortedScalarKeys.put(update, update.scalars().keySet().stream().sorted().toList());
    }
  }

  /**
   * Runs one step; when {@code fetch}, puts the last D update's and G's scalars in {@code into}.
   */
  void step(boolean fetch, Map<String, Float> into) {
    for (int k = 1; k <= dSteps; k++) {
      runUpdate(discriminator, fetch && k == dSteps, into);
    }
    runUpdate(generator, fetch, into);
  }

  private void runUpdate(TrainingProgram.Update update, boolean fetch, Map<String, Float> into) {
    Session.Runner runner =
        session
            .runner()
            .feed(graph.realBatch(), feeder.nextReal(streams.data))
            .feed(graph.latentInput(), feeder.nextLatent(streams.noise))
            .addTarget(update.train());
    if (classes > 0) {
      runner
          .feed(graph.realLabels(), feeder.realLabels())
          .feed(graph.fakeLabels(), feeder.nextFakeLabels(streams.noise, classes));
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
