package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.DataSource;
import org.nashlab.api.Loss;
import org.nashlab.api.Optimizer;
import org.nashlab.api.Packing;
import org.nashlab.api.TrainingProgram;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Initializer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Packing the critic's inputs and simultaneous updates, on the standard two-player program. */
class TwoPlayerOptionsTest {
  /** Row i of every batch is (i + 1, -(i + 1)). */
  static final class Rows implements DataSource {
    @Override
    public Shape sampleShape() {
      return Shape.of(2);
    }

    @Override
    public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
      for (int i = 0; i < batchSize; i++) {
        target[2 * i] = i + 1;
        target[2 * i + 1] = -(i + 1);
      }
    }
  }

  /** D's loss mean(D(fake)) - mean(D(real)); G's -mean(D(fake)). */
  private static final Loss MEAN_LOGITS =
      c -> {
        Ops tf = c.tf();
        var axes = tf.constant(new int[] {0, 1});
        var fake = tf.math.mean(c.fakeLogits(), axes);
        return new AdversarialLosses(
            tf.math.sub(fake, tf.math.mean(c.realLogits(), axes)), tf.math.neg(fake));
      };

  private static Optimizer descent(float lr) {
    return c -> {
      Ops tf = Ops.create(c.graph());
      var updates = new java.util.ArrayList<org.tensorflow.op.Op>();
      for (int i = 0; i < c.variables().size(); i++) {
        updates.add(
            tf.train.applyGradientDescent(
                c.variables().get(i), tf.constant(lr), c.gradients().get(i)));
      }
      return tf.withControlDependencies(updates).noOp();
    };
  }

  private static TrialGraph graph(
      int batch, boolean simultaneous, float dLearningRate, List<Technique> techniques) {
    return new TrialGraph(
        Map.of("real", new Rows()),
        new RandomStreams(1).init,
        MEAN_LOGITS,
        Map.of("generator", descent(0.1f), "discriminator", descent(dLearningRate)),
        10,
        batch,
        1,
        simultaneous,
        Optional.empty(),
        techniques);
  }

  private static Technique packing(int degree) {
    Packing packing = () -> degree;
    return new Technique("packing", 0, packing);
  }

  /**
   * A linear critic for the packed shape, weights 0.1, 0.2, ...; a generator G(z) = z W + b. Puts G
   * and D into {@code networks}.
   */
  private static TrainingProgram program(TrialGraph graph, Dense[] networks) {
    Ops tf = graph.tf();
    Shape judged = Packing.packedShape(graph.sampleShape(), graph.packing());
    int inputs = (int) judged.size();
    float[] w = new float[inputs];
    for (int i = 0; i < inputs; i++) {
      w[i] = 0.1f * (i + 1);
    }
    Initializer fixed = (t, shape, seeds) -> t.constant(shape, DataBuffers.of(w));
    Dense critic = new Dense(tf, "d_out", inputs, 1, fixed, graph.initSeeds());
    Dense generator = new Dense(tf, "g_out", 1, 2, Initializer.normal(1f), graph.initSeeds());
    networks[0] = generator;
    networks[1] = critic;
    return graph.twoPlayer(generator, critic, graph.latent(1));
  }

  private static TrialSetup setup(TrialGraph graph, TrainingProgram program, int batch) {
    return OpenTrials.of(graph, program, Map.of("real", new Rows()), new RandomStreams(1), batch);
  }

  @Test
  void aPackedCriticJudgesConsecutiveSamplesSideBySide() {
    TrialGraph graph = graph(4, false, 0.1f, List.of(packing(2)));
    Dense[] networks = new Dense[2];
    try (TrialSetup setup = setup(graph, program(graph, networks), 4)) {
      assertEquals(4, fetch(setup, networks[1].variables().get(0).asOutput()).length);
      Map<String, Float> logged = new LinkedHashMap<>();
      new ScheduledSteps(setup, 10).step(1, true, logged);
      // The 4 real rows packed in pairs, (1, -1, 2, -2) and (3, -3, 4, -4), under w = (0.1, 0.2,
      // 0.3, 0.4): two scores, -0.3 and -0.7. Any other order of the features gives others.
      assertEquals((sigmoid(-0.3) + sigmoid(-0.7)) / 2, logged.get("d/real"), 1e-6);
    }
  }

  @Test
  void aBatchThePackingDegreeDoesNotDivideIsRefusedNamingTheBatchSize() {
    try (TrialGraph graph = graph(6, false, 0.1f, List.of(packing(4)))) {
      PluginFailure e = assertThrows(PluginFailure.class, graph::packing);
      assertEquals("training.batch-size", e.key());
      assertEquals(
          "6 is not a multiple of the packing degree 4 (regularizers[0]): the critic judges"
              + " batch-size / degree packed samples",
          e.reason());
    }
  }

  @Test
  void packingAProgramNeverAskedForIsReported() {
    try (TrialGraph graph = graph(4, false, 0.1f, List.of(packing(2)))) {
      assertTrue(graph.packingUnasked().isPresent());
      graph.packing();
      assertFalse(graph.packingUnasked().isPresent());
    }
  }

  @Test
  void simultaneousUpdatesTakeGsGradientAtDsWeightsBeforeDMoves() {
    // G's step must not depend on how far D moves in the same step: with D's learning rate 0 or 5,
    // G ends the step at the same weights. Alternating, G sees the moved D.
    assertArrayEquals(generatorAfterOneStep(true, 0f), generatorAfterOneStep(true, 5f));
    assertFalse(
        java.util.Arrays.equals(
            generatorAfterOneStep(false, 0f), generatorAfterOneStep(false, 5f)));
  }

  @Test
  void simultaneousUpdatesRunAsOneUpdateWithBothNetworksScalars() {
    TrialGraph graph = graph(4, true, 0.1f, List.of());
    try (TrialSetup setup = setup(graph, program(graph, new Dense[2]), 4)) {
      assertEquals(
          List.of("simultaneous"), setup.program().updates().stream().map(u -> u.name()).toList());
      Map<String, Float> logged = new LinkedHashMap<>();
      new ScheduledSteps(setup, 10).step(1, true, logged);
      assertTrue(
          logged.keySet().containsAll(List.of("loss/d", "loss/g", "grad-norm/d", "grad-norm/g")),
          logged.toString());
      assertFalse(graph.simultaneousUnasked());
    }
  }

  private static float[] generatorAfterOneStep(boolean simultaneous, float dLearningRate) {
    TrialGraph graph = graph(4, simultaneous, dLearningRate, List.of());
    Dense[] networks = new Dense[2];
    try (TrialSetup setup = setup(graph, program(graph, networks), 4)) {
      new ScheduledSteps(setup, 10).step(1, false, new LinkedHashMap<>());
      return fetch(setup, networks[0].variables().get(0).asOutput());
    }
  }

  private static float[] fetch(TrialSetup setup, org.tensorflow.Output<?> output) {
    try (var result = setup.session().runner().fetch(output).run()) {
      TFloat32 t = (TFloat32) result.get(0);
      float[] values = new float[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
