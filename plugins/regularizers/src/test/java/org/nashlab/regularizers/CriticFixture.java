package org.nashlab.regularizers;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.Seeds;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** One graph per test, and a linear critic whose input gradient is known everywhere. */
abstract class CriticFixture {
  protected final Graph graph = new Graph();
  protected final Ops tf = Ops.create(graph);
  private int scopes;

  @AfterEach
  void closeGraph() {
    graph.close();
  }

  protected Operand<TFloat32> constant(float[] values, long... shape) {
    return tf.constant(Shape.of(shape), DataBuffers.of(values));
  }

  /** A gradient that can be differentiated again, as the engine builds it. */
  protected Operand<TFloat32> gradient(Operand<TFloat32> y, Operand<TFloat32> x) {
    String scope = "grad" + scopes++;
    Operand<TFloat32> sum = tf.reduceSum(y, tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
    return graph
        .addGradients(
            scope,
            new Output<?>[] {sum.asOutput()},
            new Output<?>[] {x.asOutput()},
            new Output<?>[] {tf.withName(scope + "_seed").constant(1f).asOutput()})[0]
        .expect(TFloat32.class);
  }

  protected static float[] values(Session session, Operand<?> fetch) {
    try (var result = session.runner().fetch(fetch).run()) {
      TFloat32 t = (TFloat32) result.get(0);
      float[] out = new float[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  protected float[] run(Operand<?> fetch) {
    try (Session session = new Session(graph)) {
      session.initialize();
      return values(session, fetch);
    }
  }

  protected static final float[] W = {0.6f, -1.2f, 0.3f};
  protected static final float[] REAL = {1f, 2f, 3f, -1f, 0f, 4f};
  protected static final float[] FAKE = {0.5f, 0.5f, -2f, 3f, 1f, 1f};

  /** D(x) = x w on batches of two points in R^3: its gradient is w everywhere. */
  protected PenaltyContext linearCritic() {
    Variable<TFloat32> w = tf.withName("d_w").variable(constant(W, 3, 1));
    Operand<TFloat32> real = constant(REAL, 2, 3);
    Operand<TFloat32> fake = constant(FAKE, 2, 3);
    return new PenaltyContext(
        tf,
        real,
        fake,
        tf.linalg.matMul(real, w),
        tf.linalg.matMul(fake, w),
        x -> tf.linalg.matMul(x, w),
        this::gradient,
        List.of(w),
        List.of(),
        new Seeds(1),
        "d");
  }

  protected static double normOfW() {
    return Math.sqrt(0.36 + 1.44 + 0.09);
  }
}
