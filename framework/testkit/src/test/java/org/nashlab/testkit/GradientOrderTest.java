package org.nashlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Joins;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * The ops that make a gradient's order vary between processes are found where they are, and only
 * there; a network joined with {@link Joins} has none, and its gradient graph is the same however
 * often it is built.
 */
class GradientOrderTest {
  private static final int STEPS = 20;

  /** A weight read at every one of 20 steps, the steps joined into one loss by {@code join}. */
  private record Unrolled(Operand<TFloat32> loss, Variable<TFloat32> weight) {
    static Unrolled build(
        Ops tf, BiFunction<Ops, List<Operand<TFloat32>>, Operand<TFloat32>> join) {
      Variable<TFloat32> w = tf.variable(tf.constant(new float[] {0.5f, -1.5f}));
      Operand<TFloat32> h = tf.constant(new float[] {1f, 2f});
      List<Operand<TFloat32>> steps = new ArrayList<>();
      for (int t = 0; t < STEPS; t++) {
        h = tf.math.tanh(tf.math.mul(h, w));
        steps.add(h);
      }
      return new Unrolled(tf.sum(join.apply(tf, steps), tf.constant(new int[] {0, 1})), w);
    }
  }

  @Test
  void aWideStackOnTheGradientsPathIsNamedAndAJoinedOneIsNot() {
    try (TestGraph g = new TestGraph()) {
      Unrolled stacked = Unrolled.build(g.tf, (tf, s) -> tf.stack(s, Stack.axis(1L)));
      assertEquals(
          List.of("Stack (Pack, 20 inputs)"),
          GradientOrder.wideOps(g.graph, stacked.loss(), List.of(stacked.weight())));
    }
    try (TestGraph g = new TestGraph()) {
      Unrolled joined = Unrolled.build(g.tf, (tf, s) -> Joins.stack(tf, s, 1));
      assertEquals(
          List.of(), GradientOrder.wideOps(g.graph, joined.loss(), List.of(joined.weight())));
    }
  }

  @Test
  void aWideOpTheVariablesDoNotReachIsNotOnThePath() {
    try (TestGraph g = new TestGraph()) {
      Ops tf = g.tf;
      Variable<TFloat32> w = tf.variable(tf.constant(2f));
      List<Operand<TFloat32>> constants = new ArrayList<>();
      for (int i = 0; i < STEPS; i++) {
        constants.add(tf.constant((float) i));
      }
      Operand<TFloat32> loss = tf.math.mul(w, tf.sum(tf.stack(constants), tf.constant(0)));
      assertEquals(List.of(), GradientOrder.wideOps(g.graph, loss, List.of(w)));
      // The same stack, reached from the weight, is on it.
      Operand<TFloat32> reached =
          tf.sum(
              tf.stack(constants.stream().<Operand<TFloat32>>map(c -> tf.math.mul(c, w)).toList()),
              tf.constant(0));
      assertEquals(1, GradientOrder.wideOps(g.graph, reached, List.of(w)).size());
    }
  }

  @Test
  void aJoinedNetworksGradientGraphIsTheSameEveryTimeItIsBuilt() {
    Set<GraphDef> graphs = new HashSet<>();
    for (int build = 0; build < 30; build++) {
      try (Graph graph = new Graph()) {
        Ops tf = Ops.create(graph);
        Unrolled joined = Unrolled.build(tf, (ops, s) -> Joins.stack(ops, s, 1));
        tf.gradients(joined.loss(), List.of(joined.weight()));
        graphs.add(graph.toGraphDef()); // equal as protos: attributes compare as maps
      }
    }
    assertEquals(1, graphs.size(), "distinct gradient graphs over 30 builds");
  }
}
