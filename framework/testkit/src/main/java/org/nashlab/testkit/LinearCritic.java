package org.nashlab.testkit;

import java.util.List;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.Seeds;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A critic whose input gradient is known everywhere, {@code D(x) = x w}, on fixed real and
 * generated batches: the fixture to check a penalty ({@link LossTerm}) against its closed form. Its
 * gradient with respect to any input is {@code w}, so a penalty on {@code ||grad D||} has a value
 * that depends on {@code w} alone.
 *
 * <pre>{@code
 * try (LinearCritic critic = LinearCritic.of(new float[] {0.6f, -1.2f, 0.3f})) {
 *   LossTerm.Terms terms = new MyPenalty(params).terms(critic.context());
 *   assertEquals(10 * critic.squaredNormOfW(), critic.value(terms.discriminator()), 1e-5);
 * }
 * }</pre>
 */
public final class LinearCritic implements AutoCloseable {
  private static final int BATCH = 4;

  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final float[] w;
  private final PenaltyContext context;

  private LinearCritic(float[] w, long seed) {
    this.w = w.clone();
    int dims = w.length;
    Variable<TFloat32> weight =
        tf.withName("d_w").variable(tf.constant(Shape.of(dims, 1), DataBuffers.of(this.w)));
    Operand<TFloat32> real = batch(dims, 1f);
    Operand<TFloat32> fake = batch(dims, -0.5f);
    this.context =
        new PenaltyContext(
            tf,
            real,
            fake,
            tf.linalg.matMul(real, weight),
            tf.linalg.matMul(fake, weight),
            x -> tf.linalg.matMul(x, weight),
            (y, x) -> GradientCheck.gradient(tf, y, x),
            List.of(weight),
            List.of(),
            new Seeds(seed),
            "reg0_d");
  }

  /**
   * The critic {@code D(x) = x w} on batches of {@value #BATCH} points of {@code w.length} dims.
   */
  public static LinearCritic of(float... w) {
    return new LinearCritic(w, 1);
  }

  /** What a penalty builds on: this critic on its real and generated batches. */
  public PenaltyContext context() {
    return context;
  }

  /** {@code ||w||^2}, the squared norm of the critic's gradient at every point. */
  public double squaredNormOfW() {
    double sum = 0;
    for (float v : w) {
      sum += (double) v * v;
    }
    return sum;
  }

  /** The value of a scalar (or the sum of a tensor) built on {@link #context()}. */
  public double value(Operand<TFloat32> scalar) {
    Operand<TFloat32> sum =
        tf.reduceSum(scalar, tf.range(tf.constant(0), tf.rank(scalar), tf.constant(1)));
    try (Session session = new Session(graph)) {
      session.initialize();
      try (var result = session.runner().fetch(sum).run()) {
        return ((TFloat32) result.get(0)).getFloat();
      }
    }
  }

  /** Rows spread over [-1, 1] times {@code scale}, distinct for real and generated batches. */
  private Operand<TFloat32> batch(int dims, float scale) {
    float[] values = new float[BATCH * dims];
    for (int i = 0; i < values.length; i++) {
      values[i] = scale * (2f * i / (values.length - 1) - 1f);
    }
    return tf.constant(Shape.of(BATCH, dims), DataBuffers.of(values));
  }

  @Override
  public void close() {
    graph.close();
  }
}
