package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Optimizer;
import org.nashlab.api.Player;
import org.nashlab.api.Schedule;
import org.nashlab.api.Step;
import org.nashlab.api.TrainingProgram;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Mode;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A program of its own on the public kit: named streams, fed scalars, a stateful schedule. */
class ProgramKitTest {
  @TempDir Path folder;

  /** Counts its steps, feeds the count as {@code alpha}, and logs it: state to checkpoint. */
  private static final class CountingSchedule implements Schedule {
    long count;

    @Override
    public void step(Step step) {
      count++;
      step.feed("alpha", count);
      step.draw();
      step.run("update", step.logging());
      step.log("schedule/count", count);
    }

    @Override
    public Map<String, String> state() {
      return Map.of("count", Long.toString(count));
    }

    @Override
    public void restore(Map<String, String> state) {
      count = Long.parseLong(state.get("count"));
    }
  }

  private static final Optimizer PLAIN_DESCENT =
      c -> {
        Ops tf = Ops.create(c.graph());
        var updates = new java.util.ArrayList<org.tensorflow.op.Op>();
        for (int i = 0; i < c.variables().size(); i++) {
          updates.add(
              tf.train.applyGradientDescent(
                  c.variables().get(i), tf.constant(0.01f), c.gradients().get(i)));
        }
        return tf.withControlDependencies(updates).noOp();
      };

  private static TrialGraph graph(
      TrainingLoopTest.CountingSource a, TrainingLoopTest.CountingSource b) {
    return new TrialGraph(
        Map.of("a", a, "b", b),
        new RandomStreams(1).init,
        c -> new AdversarialLosses(c.realLogits(), c.fakeLogits()),
        Map.of("generator", PLAIN_DESCENT, "discriminator", PLAIN_DESCENT),
        10,
        4,
        1,
        false,
        Optional.empty(),
        List.of());
  }

  /** One critic on stream a, scaled by the fed alpha; samples read stream b only. */
  private static TrainingProgram program(TrialGraph graph, Schedule schedule) {
    Ops tf = graph.tf();
    graph.declareNetwork("critic", Player.DISCRIMINATOR);
    Dense critic =
        new Dense(tf, "critic_out", 1, 1, Initializer.glorotUniform(), graph.initSeeds());
    Operand<TFloat32> alpha = graph.scalar("alpha");
    Operand<TFloat32> objective =
        tf.math.mul(
            alpha,
            tf.math.mean(
                critic.apply(graph.real("a"), Mode.TRAINING), tf.constant(new int[] {0, 1})));
    Map<String, Operand<TFloat32>> scalars = new LinkedHashMap<>();
    scalars.put("alpha", alpha);
    var train = graph.minimize("critic", critic, objective, 10, scalars);
    return new TrainingProgram(
        List.of(new TrainingProgram.Update("update", train, scalars)),
        schedule,
        critic.apply(graph.real("b"), Mode.INFERENCE),
        "b",
        Optional.empty(),
        Map.of());
  }

  private static TrialSetup setup(
      TrialGraph graph, TrainingProgram program, Map<String, org.nashlab.api.DataSource> data) {
    return OpenTrials.of(graph, program, data, new RandomStreams(1), 4);
  }

  @Test
  void theScheduleFeedsScalarsAndOnlyTheStreamsTheUpdatesReadAreDrawn() {
    var a = new TrainingLoopTest.CountingSource();
    var b = new TrainingLoopTest.CountingSource();
    TrialGraph graph = graph(a, b);
    CountingSchedule schedule = new CountingSchedule();
    try (TrialSetup setup = setup(graph, program(graph, schedule), Map.of("a", a, "b", b))) {
      ScheduledSteps steps = new ScheduledSteps(setup, 10);
      Map<String, Float> logged = new LinkedHashMap<>();
      for (long step = 1; step <= 3; step++) {
        logged.clear();
        steps.step(step, true, logged);
        assertEquals((float) step, logged.get("alpha"), "the scalar the schedule fed");
        assertEquals((float) step, logged.get("schedule/count"));
        assertTrue(logged.containsKey("grad-norm/critic"), logged.toString());
      }
      assertEquals(3, a.batches, "one draw per step of the stream the update reads");
      assertEquals(0, b.batches, "a stream only the samples read is not drawn for training");
    }
  }

  @Test
  void checkpointsKeepTheSchedulesStateAndTheFedScalars() {
    var a = new TrainingLoopTest.CountingSource();
    var b = new TrainingLoopTest.CountingSource();
    TrialGraph graph = graph(a, b);
    CountingSchedule schedule = new CountingSchedule();
    Checkpoint checkpoint = new Checkpoint(folder);
    try (TrialSetup setup = setup(graph, program(graph, schedule), Map.of("a", a, "b", b))) {
      ScheduledSteps steps = new ScheduledSteps(setup, 10);
      for (long step = 1; step <= 5; step++) {
        steps.step(step, false, new LinkedHashMap<>());
      }
      checkpoint.save(setup, 5);
    }
    TrialGraph again = graph(a, b);
    CountingSchedule fresh = new CountingSchedule();
    try (TrialSetup setup = setup(again, program(again, fresh), Map.of("a", a, "b", b))) {
      assertEquals(5, checkpoint.restore(setup));
      assertEquals(5, fresh.count);
      assertEquals(Map.of("alpha", 5f), again.inputs().scalarValues());
    }
  }

  @Test
  void aStreamTheExperimentLacksIsRefusedNamingTheStreamsItHas() {
    try (TrialGraph graph =
        graph(new TrainingLoopTest.CountingSource(), new TrainingLoopTest.CountingSource())) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> graph.real("c"));
      assertTrue(
          e.getMessage().contains("'c'") && e.getMessage().contains("[a, b]"), e.getMessage());
    }
  }

  @Test
  void aNetworkNameIsDeclaredOnceWithOneRole() {
    try (TrialGraph graph =
        graph(new TrainingLoopTest.CountingSource(), new TrainingLoopTest.CountingSource())) {
      assertThrows(
          IllegalArgumentException.class, () -> graph.declareNetwork("g", Player.GENERATOR));
      assertThrows(IllegalArgumentException.class, () -> graph.declareNetwork("both", Player.BOTH));
      assertThrows(
          IllegalArgumentException.class, () -> graph.declareNetwork("d_a", Player.DISCRIMINATOR));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              graph.minimize("never", List::of, graph.tf().constant(0f), 1, new LinkedHashMap<>()));
    }
  }
}
