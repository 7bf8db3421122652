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
                  graph, "g", List.of(g), List.of(tf.math.mul(tf.constant(2f), g)), 10));
      Op dStep =
          forD.apply(
              new OptimizerContext(
                  graph, "d", List.of(d), List.of(tf.math.mul(tf.constant(2f), d)), 10));
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

  /** w after {@code updates} SGD steps on f(w) = w (gradient 1) over {@code total} updates. */
  private static float sgdOnALine(Schedule schedule, int updates, long total) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> w = tf.withName("g_w").variable(tf.constant(1f));
      Op step =
          new SgdOptimizer(new SgdOptimizer.Params(0.1, 0, false, schedule))
              .apply(new OptimizerContext(graph, "g", List.of(w), List.of(tf.onesLike(w)), total));
      try (Session session = new Session(graph)) {
        session.initialize();
        for (int i = 0; i < updates; i++) {
          session.runner().addTarget(step).run().close();
        }
        try (var result = session.runner().fetch(w).run()) {
          return ((TFloat32) result.get(0)).getFloat();
        }
      }
    }
  }

  @Test
  void schedulesDecayTheRateOverTheTrialsUpdates() {
    // Rates at progress 0, 1/4, 2/4, 3/4 of 4 updates: linear 1, .75, .5, .25; cosine (1 + cos(pi
    // p)) / 2.
    assertEquals(1 - 0.1 * 4, sgdOnALine(Schedule.CONSTANT, 4, 4), 1e-6);
    assertEquals(1 - 0.1 * 2.5, sgdOnALine(Schedule.LINEAR, 4, 4), 1e-6);
    double cosine = 0;
    for (int k = 0; k < 4; k++) {
      cosine += (1 + Math.cos(Math.PI * k / 4)) / 2;
    }
    assertEquals(1 - 0.1 * cosine, sgdOnALine(Schedule.COSINE, 4, 4), 1e-6);
    // Half then linear over 4 updates: min(1, 2 (1 - p)) = 1, 1, 1, .5.
    assertEquals(1 - 0.1 * 3.5, sgdOnALine(Schedule.HALF_THEN_LINEAR, 4, 4), 1e-6);
    // Past the last planned update the rate stays at its end value, zero.
    assertEquals(1 - 0.1 * 2.5, sgdOnALine(Schedule.LINEAR, 6, 4), 1e-6);
  }

  @Test
  void sgdStepsAgainstTheGradient() {
    float[] w =
        oneStep(
            new SgdOptimizer(new SgdOptimizer.Params(0.1, 0, false, Schedule.CONSTANT)),
            new SgdOptimizer(new SgdOptimizer.Params(0.25, 0, false, Schedule.CONSTANT)));
    assertEquals(1 - 0.1 * 2, w[0], 1e-6);
    assertEquals(1 - 0.25 * 2, w[1], 1e-6);
  }

  @Test
  void adamsFirstStepIsTheLearningRateBecauseOfBiasCorrection() {
    // Kingma & Ba 2015, Algorithm 1: after one step m_hat = g and v_hat = g^2, so w moves by
    // lr * g / (|g| + eps), which is lr for any gradient much larger than eps.
    float[] w =
        oneStep(
            new AdamOptimizer(
                new AdamOptimizer.Params(0.01, 0.5, 0.999, 1e-8, false, Schedule.CONSTANT)),
            new AdamOptimizer(
                new AdamOptimizer.Params(0.001, 0.9, 0.999, 1e-8, false, Schedule.CONSTANT)));
    assertEquals(1 - 0.01, w[0], 1e-5);
    assertEquals(1 - 0.001, w[1], 1e-5);
  }

  @Test
  void momentumAndRmsPropDescendAndCoexistInOneGraph() {
    float[] w =
        oneStep(
            new SgdOptimizer(new SgdOptimizer.Params(0.1, 0.9, true, Schedule.CONSTANT)),
            new RmsPropOptimizer(
                new RmsPropOptimizer.Params(0.01, 0.9, 0, 1e-10, false, Schedule.CONSTANT)));
    // Nesterov momentum's first step: v = g, w -= lr * (g + momentum * v) = lr * g * 1.9.
    assertEquals(1 - 0.1 * 2 * 1.9, w[0], 1e-6);
    // RMSProp from a zero accumulator: ms = (1 - decay) g^2, w -= lr g / sqrt(ms + eps).
    assertEquals(1 - 0.01 * 2 / Math.sqrt(0.1 * 4 + 1e-10), w[1], 1e-6);
  }

  @Test
  void amsgradFollowsItsAlgorithmAndDiffersFromAdamWhenTheGradientShrinks() {
    // f(w) = w^2 from w = 1: the gradient shrinks, so with a short second-moment memory Adam's v
    // falls while AMSGrad keeps its maximum. Reference: the algorithm in double precision.
    int steps = 20;
    double lr = 0.1;
    double beta1 = 0.5;
    double beta2 = 0.5;
    double[] reference = new double[2];
    for (int variant = 0; variant < 2; variant++) {
      boolean ams = variant == 0;
      double w = 1;
      double m = 0;
      double v = 0;
      double vMax = 0;
      for (int t = 1; t <= steps; t++) {
        double g = 2 * w;
        m = beta1 * m + (1 - beta1) * g;
        v = beta2 * v + (1 - beta2) * g * g;
        vMax = Math.max(vMax, v);
        double rate = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        w -= rate * m / (Math.sqrt(ams ? vMax : v) + 1e-8);
      }
      reference[variant] = w;
    }
    assertTrue(Math.abs(reference[0] - reference[1]) > 1e-3, "the case must tell them apart");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> w = tf.withName("g_w").variable(tf.constant(1f));
      Op step =
          new AdamOptimizer(
                  new AdamOptimizer.Params(lr, beta1, beta2, 1e-8, true, Schedule.CONSTANT))
              .apply(
                  new OptimizerContext(
                      graph, "g", List.of(w), List.of(tf.math.mul(tf.constant(2f), w)), steps));
      try (Session session = new Session(graph)) {
        session.initialize();
        for (int i = 0; i < steps; i++) {
          session.runner().addTarget(step).run().close();
        }
        try (var result = session.runner().fetch(w).run()) {
          assertEquals(reference[0], ((TFloat32) result.get(0)).getFloat(), 1e-5);
        }
      }
    }
  }
}
