package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.DataSource;
import org.nashlab.api.Loss;
import org.nashlab.api.Optimizer;
import org.nashlab.api.RunStatus;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.TrainingProgram;
import org.nashlab.config.Device;
import org.nashlab.config.TrainingSettings;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Initializer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/** The loop's schedule: how many updates run, which steps log, what a divergence stops. */
class TrainingLoopTest {
  /** A 1-D source that counts the batches drawn from it. */
  static final class CountingSource implements DataSource {
    int batches;

    @Override
    public Shape sampleShape() {
      return Shape.of(1);
    }

    @Override
    public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
      batches++;
      for (int i = 0; i < batchSize; i++) {
        target[i] = (float) random.nextGaussian();
      }
    }
  }

  /** Keeps what is logged, to read back; the MLflow path has its own integration tests. */
  static final class RecordedRun implements TrackedRun {
    final List<String> points = new ArrayList<>();

    @Override
    public void logMetric(String key, double value, long step) {
      points.add(key + "@" + step);
    }

    @Override
    public void setTag(String key, String value) {}

    @Override
    public void logArtifact(String path, byte[] content) {}

    @Override
    public String id() {
      return "memory";
    }

    @Override
    public String url() {
      return "memory";
    }

    @Override
    public void finish(RunStatus status) {}

    @Override
    public void close() {}
  }

  private static final Loss MEAN_LOGITS =
      c ->
          new AdversarialLosses(
              c.tf()
                  .math
                  .sub(
                      c.tf().math.mean(c.fakeLogits(), c.tf().constant(new int[] {0, 1})),
                      c.tf().math.mean(c.realLogits(), c.tf().constant(new int[] {0, 1}))),
              c.tf().math.neg(c.tf().math.mean(c.fakeLogits(), c.tf().constant(new int[] {0, 1}))));

  private static Optimizer gradientDescent(float lr) {
    return c -> {
      Ops tf = Ops.create(c.graph());
      var updates = new ArrayList<org.tensorflow.op.Op>();
      for (int i = 0; i < c.variables().size(); i++) {
        updates.add(
            tf.train.applyGradientDescent(
                c.variables().get(i), tf.constant(lr), c.gradients().get(i)));
      }
      return tf.withControlDependencies(updates).noOp();
    };
  }

  private static TrainingLoop.Outcome train(
      CountingSource data, RecordedRun run, TrainingSettings settings, float lr) {
    RandomStreams streams = new RandomStreams(settings.seed());
    TrialGraph graph =
        new TrialGraph(
            Map.of("real", data),
            streams.init,
            MEAN_LOGITS,
            Map.of("generator", gradientDescent(lr), "discriminator", gradientDescent(lr)),
            settings.steps(),
            settings.batchSize(),
            settings.dSteps(),
            settings.updates() == TrainingSettings.Updates.SIMULTANEOUS,
            java.util.Optional.empty(),
            List.of());
    Ops tf = graph.tf();
    var latent = graph.latent(2);
    TrainingProgram program =
        graph.twoPlayer(
            new Dense(tf, "g", 2, 1, Initializer.glorotUniform(), streams.init),
            new Dense(tf, "d", 1, 1, Initializer.glorotUniform(), streams.init),
            latent);
    try (TrialSetup setup =
        OpenTrials.of(graph, program, Map.of("real", data), streams, settings.batchSize())) {
      SampleWriter samples = new SampleWriter(setup, run);
      TrainingLoop.Listener quiet =
          new TrainingLoop.Listener() {
            @Override
            public void onStep(long step) {}

            @Override
            public void onScalars(long step, Map<String, Float> scalars) {}
          };
      return new TrainingLoop(
              new ScheduledSteps(setup, settings.steps()),
              settings,
              run,
              samples,
              step -> {},
              quiet,
              step -> {},
              () -> false)
          .run(1);
    }
  }

  @Test
  void eachStepRunsDStepsDiscriminatorUpdatesThenOneGeneratorUpdate() {
    CountingSource data = new CountingSource();
    RecordedRun run = new RecordedRun();
    TrainingLoop.Outcome outcome =
        train(
            data,
            run,
            new TrainingSettings(
                5, 1, 8, 3, TrainingSettings.Updates.ALTERNATING, 2, 0, 0, false, 0, Device.CPU),
            0.01f);
    assertEquals(5, outcome.lastStep());
    assertEquals(0, outcome.divergedAt());
    // Every update draws a real batch: 3 for D and 1 for G, five times.
    assertEquals(5 * (3 + 1), data.batches);
  }

  @Test
  void scalarsAreLoggedEveryLogEveryStepsAndAtTheEnd() {
    RecordedRun run = new RecordedRun();
    train(
        new CountingSource(),
        run,
        new TrainingSettings(
            5, 1, 8, 1, TrainingSettings.Updates.ALTERNATING, 2, 0, 0, false, 0, Device.CPU),
        0.01f);
    List<String> lossD = run.points.stream().filter(p -> p.startsWith("loss/d@")).toList();
    assertEquals(List.of("loss/d@2", "loss/d@4", "loss/d@5"), lossD);
    assertTrue(
        run.points.containsAll(
            List.of("loss/g@2", "d/real@4", "d/fake@5", "speed/steps-per-second@5")));
  }

  @Test
  void aNonFiniteLossStopsAtTheFirstLoggingStepThatSeesIt() {
    RecordedRun run = new RecordedRun();
    TrainingLoop.Outcome outcome =
        train(
            new CountingSource(),
            run,
            new TrainingSettings(
                50, 1, 8, 1, TrainingSettings.Updates.ALTERNATING, 5, 0, 0, false, 0, Device.CPU),
            1e38f);
    assertTrue(outcome.diverged());
    assertTrue(
        outcome.divergedAt() % 5 == 0 && outcome.divergedAt() < 50,
        "diverged at " + outcome.divergedAt());
  }
}
