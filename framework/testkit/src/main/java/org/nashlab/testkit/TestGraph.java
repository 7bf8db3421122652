package org.nashlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A graph for one test, with a session that evaluates float operands on fed scalars: build ops with
 * {@link #tf}, then {@link #run} them (the session starts, and initialises every variable, on the
 * first run).
 */
public final class TestGraph implements AutoCloseable {
  public final Graph graph = new Graph();
  public final Ops tf = Ops.create(graph);
  private Session session;

  /** {@code n} standard normal values from {@code seed}. */
  public static float[] gaussian(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  /** A constant of {@code values} shaped {@code shape}. */
  public Operand<TFloat32> constant(float[] values, long... shape) {
    return tf.constant(Shape.of(shape), DataBuffers.of(values));
  }

  /** A scalar placeholder, fed by {@link #run(Map, List)}. */
  public Placeholder<TFloat32> scalar() {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
  }

  /** The values of {@code fetches}, with each placeholder fed its scalar. */
  public List<float[]> run(
      Map<Placeholder<TFloat32>, Float> feeds, List<Operand<TFloat32>> fetches) {
    if (session == null) {
      session = new Session(graph);
      session.initialize();
    }
    var runner = session.runner();
    List<TFloat32> fed = new ArrayList<>();
    feeds.forEach(
        (placeholder, value) -> {
          TFloat32 t = TFloat32.scalarOf(value);
          fed.add(t);
          runner.feed(placeholder, t);
        });
    fetches.forEach(runner::fetch);
    try (var result = runner.run()) {
      List<float[]> values = new ArrayList<>();
      for (int i = 0; i < fetches.size(); i++) {
        TFloat32 tensor = (TFloat32) result.get(i);
        float[] out = new float[Math.toIntExact(tensor.shape().size())];
        tensor.copyTo(DataBuffers.of(out, false, false));
        values.add(out);
      }
      return values;
    } finally {
      fed.forEach(TFloat32::close);
    }
  }

  /** The value of {@code fetch}. */
  public float[] run(Operand<TFloat32> fetch) {
    return run(Map.of(), List.of(fetch)).get(0);
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
    graph.close();
  }
}
