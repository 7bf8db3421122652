package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class GradientsTest {
  @Test
  void gradientOfASumOfSquaresIsTwiceTheVariableAndZeroWhereTheLossDoesNotReach() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> used = tf.withName("used").variable(tf.constant(new float[] {1.5f, -2f}));
      Variable<TFloat32> unused = tf.withName("unused").variable(tf.constant(new float[] {7f}));
      // Mul, not Square: Square's native gradient crashes the JVM in TF Java 1.1 (SIGSEGV in
      // TF_AddGradientsWithPrefix), so Nash code must never differentiate through Square.
      Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(used, used), tf.constant(0));
      List<Operand<TFloat32>> grads = Gradients.of(graph, tf, loss, List.of(used, unused), "g");
      try (Session session = new Session(graph)) {
        session.initialize();
        try (var result = session.runner().fetch(grads.get(0)).fetch(grads.get(1)).run()) {
          TFloat32 dUsed = (TFloat32) result.get(0);
          TFloat32 dUnused = (TFloat32) result.get(1);
          assertEquals(3f, dUsed.getFloat(0));
          assertEquals(-4f, dUsed.getFloat(1));
          assertEquals(0f, dUnused.getFloat(0));
        }
      }
    }
  }
}
