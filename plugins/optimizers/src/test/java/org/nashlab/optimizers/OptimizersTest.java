package org.nashlab.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** One step on f(w) = w^2 (gradient 2w), from w = 1, for two networks in one graph. */
class OptimizersTest {
  /** Runs one update of each optimizer, as the G and D networks of one graph, from w = 1. */
  private static float[] oneStep(Optimizer forG, Optimizer forD) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> g = tf.withName("g_w").variable(tf.constant(1f));
      Variable<TFloat32> d = tf.withName("d_w").variable(tf.constant(1f));
      Op gStep =
          forG.apply(
              new OptimizerContext(
                  graph, "g", List.of(g), List.of(tf.math.mul(tf.constant(2f), g))));
      Op dStep =
          forD.apply(
              new OptimizerContext(
                  graph, "d", List.of(d), List.of(tf.math.mul(tf.constant(2f), d))));
      try (Session session = new Session(graph)) {
        session.initialize();
        session.runner().addTarget(gStep).addTarget(dStep).run().close();
        try (var result = session.runner().fetch(g).fetch(d).run()) {
          return new float[] {
            ((TFloat32) result.get(0)).getFloat(), ((TFloat32) result.get(1)).getFloat()
          };
        }
      }
    }
  }

  @Test
  void sgdStepsAgainstTheGradient() {
    float[] w =
        oneStep(
            new SgdOptimizer(new SgdOptimizer.Params(0.1, 0, false)),
            new SgdOptimizer(new SgdOptimizer.Params(0.25, 0, false)));
    assertEquals(1 - 0.1 * 2, w[0], 1e-6);
    assertEquals(1 - 0.25 * 2, w[1], 1e-6);
  }

  @Test
  void adamsFirstStepIsTheLearningRateBecauseOfBiasCorrection() {
    // Kingma & Ba 2015, Algorithm 1: after one step m_hat = g and v_hat = g^2, so w moves by
    // lr * g / (|g| + eps), which is lr for any gradient much larger than eps.
    float[] w =
        oneStep(
            new AdamOptimizer(new AdamOptimizer.Params(0.01, 0.5, 0.999, 1e-8)),
            new AdamOptimizer(new AdamOptimizer.Params(0.001, 0.9, 0.999, 1e-8)));
    assertEquals(1 - 0.01, w[0], 1e-5);
    assertEquals(1 - 0.001, w[1], 1e-5);
  }

  @Test
  void momentumAndRmsPropDescendAndCoexistInOneGraph() {
    float[] w =
        oneStep(
            new SgdOptimizer(new SgdOptimizer.Params(0.1, 0.9, true)),
            new RmsPropOptimizer(new RmsPropOptimizer.Params(0.01, 0.9, 0, 1e-10, false)));
    // Nesterov momentum's first step: v = g, w -= lr * (g + momentum * v) = lr * g * 1.9.
    assertEquals(1 - 0.1 * 2 * 1.9, w[0], 1e-6);
    assertTrue(w[1] < 1 && w[1] > 0.9, "RMSProp moved w from 1 to " + w[1]);
  }
}
