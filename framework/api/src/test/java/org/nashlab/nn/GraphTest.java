package org.nashlab.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A graph per test, with what layer tests build and run on it. */
abstract class GraphTest {
  final Graph graph = new Graph();
  final Ops tf = Ops.create(graph);
  final Seeds seeds = new Seeds(1);

  @AfterEach
  void closeGraph() {
    graph.close();
  }

  static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  Operand<TFloat32> constant(float[] values, long... shape) {
    return tf.constant(Shape.of(shape), DataBuffers.of(values));
  }

  /** Always the given values: lets a test fix a layer's weights. */
  static Initializer fixed(float[] values) {
    return (tf, shape, seeds) -> tf.constant(shape, DataBuffers.of(values));
  }

  float[][] run(List<Op> targets, Operand<?>... fetches) {
    try (Session session = new Session(graph)) {
      session.initialize();
      if (!targets.isEmpty()) {
        var runner = session.runner();
        targets.forEach(runner::addTarget);
        runner.run().close();
      }
      var runner = session.runner();
      for (Operand<?> f : fetches) {
        runner.fetch(f);
      }
      try (var result = runner.run()) {
        float[][] out = new float[fetches.length][];
        for (int i = 0; i < fetches.length; i++) {
          TFloat32 t = (TFloat32) result.get(i);
          out[i] = new float[(int) t.shape().size()];
          t.copyTo(DataBuffers.of(out[i], false, false));
        }
        return out;
      }
    }
  }

  float[][] run(Operand<?>... fetches) {
    return run(List.of(), fetches);
  }
}
