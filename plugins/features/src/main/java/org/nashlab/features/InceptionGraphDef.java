package org.nashlab.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.FeatureContext;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Features;
import org.nashlab.api.Samples;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * The standard Inception network of FID and the Inception Score, from the frozen graph the user
 * supplies ({@code classify_image_graph_def.pb}; it cannot be downloaded here). Images in [-1, 1]
 * are scaled to [0, 255], grey ones repeated over three channels, and fed to {@code input}; the
 * graph resizes them to 299x299 itself, as in the reference FID code. {@code pool_3} gives 2048
 * features; the class probabilities are {@code softmax(pool_3 W + b)} with the graph's own softmax
 * weights, computed batched (the graph's {@code softmax} node is fixed to batches of one).
 */
@Doc("the standard Inception graph from a user-supplied .pb file (pool_3, 2048-d)")
public final class InceptionGraphDef implements Features {
  public record Params(
      @Doc("path of the frozen graph, for example classify_image_graph_def.pb") @Default("")
          String graph,
      @Doc("tensor fed with images in [0, 255]") @Default("ExpandDims:0") String input,
      @Doc("tensor of the features") @Default("pool_3:0") String features,
      @Doc("softmax weights for class probabilities; empty for none") @Default("softmax/weights:0")
          String softmaxWeights,
      @Doc("softmax biases") @Default("softmax/biases:0") String softmaxBiases) {}

  private final Params params;

  public InceptionGraphDef(Params params) {
    this.params = params;
  }

  @Override
  public FeatureNetwork open(FeatureContext context) {
    if (params.graph().isBlank()) {
      throw new IllegalArgumentException(
          "features.graph: inception-graphdef needs the path of the Inception graph"
              + " (classify_image_graph_def.pb)");
    }
    Path file = Path.of(params.graph());
    GraphDef definition;
    try {
      definition = GraphDef.parseFrom(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot read the Inception graph " + file + " (features.graph): " + e.getMessage(), e);
    }
    Graph graph = new Graph();
    try {
      graph.importGraphDef(definition);
      Ops tf = Ops.create(graph);
      Operand<TFloat32> input = tensor(graph, params.input(), "input");
      Operand<TFloat32> pooled = tensor(graph, params.features(), "features");
      long dimension = pooled.shape().get(pooled.shape().numDimensions() - 1);
      Operand<TFloat32> features = tf.reshape(pooled, tf.constant(new long[] {-1, dimension}));
      Optional<Operand<TFloat32>> probabilities = Optional.empty();
      if (!params.softmaxWeights().isBlank()) {
        Operand<TFloat32> logits =
            tf.math.add(
                tf.linalg.matMul(
                    features, tensor(graph, params.softmaxWeights(), "softmax-weights")),
                tensor(graph, params.softmaxBiases(), "softmax-biases"));
        probabilities = Optional.of(tf.nn.softmax(logits));
      }
      return new FeatureSession(
          "inception-graphdef/" + file.getFileName() + "/" + params.features(),
          Map.of("graph", file.toAbsolutePath().toString()),
          graph,
          new Session(graph),
          InceptionGraphDef::toPixelScale,
          input,
          features,
          probabilities);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Images in [-1, 1] to [0, 255], grey repeated over three channels. */
  static Samples toPixelScale(Samples images) {
    long channels = images.shape().get(images.shape().numDimensions() - 1);
    int pixels = Math.toIntExact(images.count() * images.shape().size() / channels);
    float[] rgb = new float[pixels * 3];
    for (int p = 0; p < pixels; p++) {
      for (int c = 0; c < 3; c++) {
        float v = images.values()[(int) (p * channels + (channels == 1 ? 0 : c))];
        rgb[p * 3 + c] = (v + 1f) * 127.5f;
      }
    }
    return new Samples(
        images.count(),
        org.tensorflow.ndarray.Shape.of(images.shape().get(0), images.shape().get(1), 3),
        rgb);
  }

  private Operand<TFloat32> tensor(Graph graph, String name, String key) {
    int colon = name.lastIndexOf(':');
    String op = colon < 0 ? name : name.substring(0, colon);
    int index = colon < 0 ? 0 : Integer.parseInt(name.substring(colon + 1));
    GraphOperation operation = graph.operation(op);
    if (operation == null) {
      throw new IllegalArgumentException(
          "features." + key + ": the graph " + params.graph() + " has no tensor '" + name + "'");
    }
    return operation.<TFloat32>output(index);
  }
}
