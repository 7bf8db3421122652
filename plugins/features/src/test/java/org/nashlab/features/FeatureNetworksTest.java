package org.nashlab.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.ChannelStack;
import org.nashlab.api.DataSource;
import org.nashlab.api.Embedding;
import org.nashlab.api.FeatureContext;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.IndexedSource;
import org.nashlab.api.Samples;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class FeatureNetworksTest {
  private static final int SIDE = 8;

  @Test
  void inceptionGraphDefLoadsAFrozenGraphAndMatchesItsDirectOutput(@TempDir Path folder)
      throws Exception {
    // A stand-in for classify_image_graph_def.pb with the same tensor names: images in [0, 255]
    // into ExpandDims, a resize, a 1x1 convolution and a mean pool into pool_3, softmax weights.
    Path pb = folder.resolve("tiny_inception.pb");
    Random random = new Random(1);
    float[] kernel = new float[3 * 6];
    float[] weights = new float[6 * 4];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (float) random.nextGaussian() / 100;
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) random.nextGaussian();
    }
    float[] images = new float[5 * SIDE * SIDE];
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat() * 2 - 1;
    }
    float[] expected;
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var input =
          tf.withName("ExpandDims")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
      var resized = tf.image.resizeBilinear(input, tf.constant(new int[] {12, 12}));
      var conv =
          tf.nn.conv2d(
              resized,
              tf.constant(Shape.of(1, 1, 3, 6), DataBuffers.of(kernel)),
              java.util.List.of(1L, 1L, 1L, 1L),
              "SAME");
      Operand<TFloat32> pooled =
          tf.withName("pool_3")
              .reshape(
                  tf.math.mean(conv, tf.constant(new int[] {1, 2})),
                  tf.constant(new long[] {-1, 1, 1, 6}));
      Ops softmax = tf.withSubScope("softmax");
      softmax.withName("weights").constant(Shape.of(6, 4), DataBuffers.of(weights));
      softmax.withName("biases").constant(new float[] {0, 1, 0, -1});
      Files.write(pb, graph.toGraphDef().toByteArray());
      try (Session session = new Session(graph);
          TFloat32 x =
              TFloat32.tensorOf(
                  Shape.of(5, SIDE, SIDE, 3),
                  DataBuffers.of(InceptionGraphDef.toPixelScale(grey(images)).values()));
          var result = session.runner().feed(input, x).fetch(pooled).run()) {
        expected = new float[5 * 6];
        ((TFloat32) result.get(0)).copyTo(DataBuffers.of(expected, false, false));
      }
    }
    var params =
        new InceptionGraphDef.Params(
            pb.toString(), "ExpandDims:0", "pool_3:0", "softmax/weights:0", "softmax/biases:0");
    try (FeatureNetwork network = new InceptionGraphDef(params).open(context(folder))) {
      Embedding e = network.embed(grey(images));
      assertEquals(6, e.dimension());
      assertArrayEquals(expected, e.features(), 1e-5f);
      assertEquals(4, e.classes());
      for (int i = 0; i < 5; i++) {
        double sum = 0;
        for (int c = 0; c < 4; c++) {
          sum += e.probabilities()[i * 4 + c];
        }
        assertEquals(1, sum, 1e-5);
      }
      assertTrue(network.id().startsWith("inception-graphdef/tiny_inception.pb"));
    }
  }

  @Test
  void trainedClassifierLearnsTheLabelsAndIsCachedOnDisk(@TempDir Path folder) {
    Quadrants data = new Quadrants(2000);
    var params = new TrainedClassifier.Params(150, 64, 0.003, 0.1, 1);
    FeatureContext context = new FeatureContext(data, "quadrants{}", folder);
    Embedding first;
    try (FeatureNetwork network = new TrainedClassifier(params).open(context)) {
      double accuracy = Double.parseDouble(network.provenance().get("held-out-accuracy"));
      assertTrue(accuracy > 0.95, "held-out accuracy " + accuracy);
      assertEquals("200", network.provenance().get("held-out-samples"));
      first = network.embed(data.all());
      assertEquals(ClassifierGraph.FEATURES, first.dimension());
      assertEquals(4, first.classes());
    }
    long steps = data.copies;
    try (FeatureNetwork again = new TrainedClassifier(params).open(context)) {
      assertEquals(steps + 0, data.copies, "the cached classifier is not trained again");
      assertArrayEquals(first.features(), again.embed(data.all()).features(), 0f);
    }
  }

  @Test
  void onStackedChannelsTheClassifierLabelsEachChannelAndMultipliesTheirProbabilities(
      @TempDir Path folder) {
    Quadrants digits = new Quadrants(2000);
    StackedQuadrants stacked = new StackedQuadrants(digits);
    var params = new TrainedClassifier.Params(150, 64, 0.003, 0.1, 1);
    try (FeatureNetwork network =
        new TrainedClassifier(params).open(new FeatureContext(stacked, "stacked{}", folder))) {
      assertTrue(network.id().endsWith("/per-channel"), network.id());
      int n = 200;
      float[] values = new float[n * 64 * 2];
      int[] modes = new int[n];
      for (int i = 0; i < n; i++) {
        int first = i;
        int second = (i * 7 + 3) % digits.size();
        modes[i] = digits.label(first) * 4 + digits.label(second);
        for (int p = 0; p < 64; p++) {
          values[(i * 64 + p) * 2] = digits.pixels[first * 64 + p];
          values[(i * 64 + p) * 2 + 1] = digits.pixels[second * 64 + p];
        }
      }
      Embedding e = network.embed(new Samples(n, stacked.sampleShape(), values));
      assertEquals(16, e.classes());
      assertEquals(2 * ClassifierGraph.FEATURES, e.dimension());
      int right = 0;
      for (int i = 0; i < n; i++) {
        int best = 0;
        double sum = 0;
        for (int j = 0; j < 16; j++) {
          sum += e.probabilities()[i * 16 + j];
          best = e.probabilities()[i * 16 + j] > e.probabilities()[i * 16 + best] ? j : best;
        }
        assertEquals(1, sum, 1e-4);
        right += best == modes[i] ? 1 : 0;
      }
      assertTrue(right > 0.9 * n, right + " of " + n + " joint modes right");
    }
  }

  private static FeatureContext context(Path folder) {
    return new FeatureContext(new Quadrants(10), "none", folder);
  }

  private static Samples grey(float[] images) {
    return new Samples(images.length / (SIDE * SIDE), Shape.of(SIDE, SIDE, 1), images);
  }

  /** Two quadrant images as the channels of one sample. */
  private record StackedQuadrants(Quadrants digits) implements DataSource, ChannelStack {
    @Override
    public IndexedSource channels() {
      return digits;
    }

    @Override
    public Shape sampleShape() {
      return Shape.of(SIDE, SIDE, 2);
    }

    @Override
    public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
      throw new UnsupportedOperationException();
    }
  }

  /** Noisy 8x8 images whose label is the bright quadrant. */
  private static final class Quadrants implements IndexedSource {
    private final float[] pixels;
    private final int[] labels;
    private long copies;

    Quadrants(int n) {
      Random random = new Random(3);
      pixels = new float[n * SIDE * SIDE];
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = random.nextInt(4);
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            int quadrant = (y / 4) * 2 + x / 4;
            float base = quadrant == labels[i] ? 0.5f : -0.5f;
            pixels[i * 64 + y * 8 + x] = base + 0.3f * (float) random.nextGaussian();
          }
        }
      }
    }

    Samples all() {
      return new Samples(labels.length, sampleShape(), pixels);
    }

    @Override
    public int size() {
      return labels.length;
    }

    @Override
    public void copy(int index, float[] target, int slot) {
      copies++;
      System.arraycopy(pixels, index * 64, target, slot * 64, 64);
    }

    @Override
    public int label(int index) {
      return labels[index];
    }

    @Override
    public int classes() {
      return 4;
    }

    @Override
    public void fillBatch(float[] target, int[] batchLabels, int batchSize, RandomGenerator r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Shape sampleShape() {
      return Shape.of(SIDE, SIDE, 1);
    }

    @Override
    public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
      throw new UnsupportedOperationException();
    }
  }
}
