package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class WeightBudgetTest {
  @Test
  void countsEveryVariableFromItsShapeWithoutAllocatingIt() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      tf.variable(tf.zeros(tf.constant(Shape.of(100_000, 100_000)), TFloat32.class));
      tf.variable(tf.zeros(tf.constant(Shape.of(3, 5)), TFloat32.class));
      assertEquals(4L * (100_000L * 100_000L + 15), WeightBudget.variableBytes(graph));
    }
  }
}
