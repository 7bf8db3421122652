package org.nashlab.train;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The machine's float32 limit as TensorFlow reaches it in this process: the best rate of a {@code
 * size x size} by {@code size x size} MatMul ({@code 2 size^3} FLOPs) over a few runs, with the
 * session options training uses. A benchmark's step is judged against it.
 */
public final class MatMulPeak {
  /** The side of the square matrices multiplied. */
  public static final int SIZE = 4096;

  private MatMulPeak() {}

  /** GFLOP/s: the best of {@code runs} timed products after one untimed one. */
  static double measure(ConfigProto config, int runs) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Shape square = Shape.of(SIZE, SIZE);
      Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(square));
      Placeholder<TFloat32> b = tf.placeholder(TFloat32.class, Placeholder.shape(square));
      // A scalar out, so that copying 64 MiB to Java is not timed.
      Operand<TFloat32> product =
          tf.reduceMax(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
      try (Session session = new Session(graph, config);
          TFloat32 left = filled(square, 0.5f);
          TFloat32 right = filled(square, 0.25f)) {
        double best = 0;
        for (int run = 0; run <= runs; run++) {
          long start = System.nanoTime();
          try (Result r = session.runner().feed(a, left).feed(b, right).fetch(product).run()) {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (run > 0) {
              best = Math.max(best, 2.0 * SIZE * SIZE * SIZE / seconds / 1e9);
            }
          }
        }
        return best;
      }
    }
  }

  private static TFloat32 filled(Shape shape, float value) {
    float[] values = new float[(int) shape.size()];
    java.util.Arrays.fill(values, value);
    return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
  }
}
