package org.nashlab.features;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nashlab.api.Embedding;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Samples;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A feature network held in a TensorFlow graph and session, which it owns: samples, once {@code
 * prepare}d, go in through {@code input} a batch at a time; features (flattened to a row per
 * sample) and, when the network classifies, softmax probabilities come out.
 */
final class FeatureSession implements FeatureNetwork {
  private static final int BATCH = 250;
  private final String id;
  private final Map<String, String> provenance;
  private final Graph graph;
  private final Session session;
  private final UnaryOperator<Samples> prepare;
  private final Operand<TFloat32> input;
  private final Operand<TFloat32> features;
  private final Optional<Operand<TFloat32>> probabilities;
  private final int dimension;
  private final int classes;

  FeatureSession(
      String id,
      Map<String, String> provenance,
      Graph graph,
      Session session,
      UnaryOperator<Samples> prepare,
      Operand<TFloat32> input,
      Operand<TFloat32> features,
      Optional<Operand<TFloat32>> probabilities) {
    this.id = id;
    this.provenance = Map.copyOf(provenance);
    this.graph = graph;
    this.session = session;
    this.prepare = prepare;
    this.input = input;
    this.features = features;
    this.probabilities = probabilities;
    this.dimension = Math.toIntExact(features.shape().get(1));
    this.classes = probabilities.map(p -> Math.toIntExact(p.shape().get(1))).orElse(0);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Map<String, String> provenance() {
    return provenance;
  }

  @Override
  public Embedding embed(Samples raw) {
    Samples samples = prepare.apply(raw);
    float[] rows = new float[samples.count() * dimension];
    float[] probs = new float[samples.count() * classes];
    int size = samples.sampleSize();
    for (int first = 0; first < samples.count(); first += BATCH) {
      int n = Math.min(BATCH, samples.count() - first);
      float[] batch = new float[n * size];
      System.arraycopy(samples.values(), first * size, batch, 0, batch.length);
      try (TFloat32 x =
          TFloat32.tensorOf(
              Shape.of(n).append(samples.shape()), DataBuffers.of(batch, true, false))) {
        var runner = session.runner().feed(input, x).fetch(features);
        probabilities.ifPresent(runner::fetch);
        try (var result = runner.run()) {
          copy((TFloat32) result.get(0), rows, first * dimension, n * dimension);
          if (probabilities.isPresent()) {
            copy((TFloat32) result.get(1), probs, first * classes, n * classes);
          }
        }
      }
    }
    return new Embedding(samples.count(), dimension, rows, classes, probs);
  }

  private static void copy(TFloat32 tensor, float[] target, int offset, int length) {
    float[] part = new float[length];
    tensor.copyTo(DataBuffers.of(part, false, false));
    System.arraycopy(part, 0, target, offset, length);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
