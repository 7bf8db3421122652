package org.nashlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nashlab.nn.Activation;
import org.nashlab.nn.BatchNorm;
import org.nashlab.nn.Concat;
import org.nashlab.nn.Conv2D;
import org.nashlab.nn.Conv2DTranspose;
import org.nashlab.nn.ConvStacks;
import org.nashlab.nn.CustomGradients;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Dropout;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.InstanceNorm;
import org.nashlab.nn.LayerNorm;
import org.nashlab.nn.Maxout;
import org.nashlab.nn.MinibatchStddev;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Pool;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Residual;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.nashlab.nn.Upsample;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Every layer of the toolkit in a tiny critic, stem, layer, dense head: the gradient of WGAN-GP's
 * penalty {@code (||dD/dx|| - 1)^2} with respect to each of the critic's weights, which
 * differentiates every op of the layer twice, against central differences. docs/penalty-ops.md
 * tabulates what this finds.
 */
class LayerPenaltiesTest {
  private static final Initializer INIT = Initializer.normal(0.5f);
  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final Seeds seeds = new Seeds(7);

  @BeforeAll
  static void registerToolkitGradients() {
    CustomGradients.registerToolkit();
  }

  @AfterEach
  void closeGraph() {
    graph.close();
  }

  /** A layer between a critic's input and its dense head, and the input it takes. */
  enum Layer {
    DENSE(false, t -> new Dense(t.tf, "d_dense", 3, 3, INIT, t.seeds)),
    CONV2D(true, t -> new Conv2D(t.tf, "d_conv", 2, 2, 3, 2, INIT, t.seeds)),
    CONV2D_TRANSPOSE(true, t -> new Conv2DTranspose(t.tf, "d_convt", 2, 2, 3, 2, INIT, t.seeds)),
    BATCH_NORM_TRAINING(true, t -> new BatchNorm(t.tf, "d_bn", 2)),
    BATCH_NORM_INFERENCE(true, t -> t.inference(new BatchNorm(t.tf, "d_bn", 2))),
    LAYER_NORM(true, t -> new LayerNorm(t.tf, "d_ln", 2)),
    INSTANCE_NORM(true, t -> new InstanceNorm(t.tf, "d_in", 2)),
    MAXOUT(false, t -> new Maxout(t.tf, "d_maxout", 3, 2, 3, INIT, t.seeds)),
    DROPOUT_INFERENCE(false, t -> t.inference(new Dropout(t.tf, "d_drop", 0.5f, t.seeds))),
    MINIBATCH_STDDEV(false, t -> new MinibatchStddev(t.tf)),
    IDENTITY(false, t -> Activation.identity()),
    RELU(false, t -> Activation.relu(t.tf)),
    LEAKY_RELU(false, t -> Activation.leakyRelu(t.tf, 0.2f)),
    TANH(false, t -> Activation.tanh(t.tf)),
    SIGMOID(false, t -> Activation.sigmoid(t.tf)),
    UPSAMPLE(true, t -> new Upsample(t.tf, 2)),
    AVERAGE_POOL(true, t -> Pool.average(t.tf, 2)),
    MAX_POOL(true, t -> Pool.max(t.tf, 2)),
    RESIDUAL(
        true,
        t ->
            new Residual(
                t.tf,
                new Sequential(
                    List.of(
                        Activation.leakyRelu(t.tf, 0.2f),
                        new Conv2D(t.tf, "d_res", 2, 3, 3, 1, INIT, t.seeds))),
                new Conv2D(t.tf, "d_skip", 2, 3, 1, 1, INIT, t.seeds))),
    CONCAT(
        true,
        t ->
            new Concat(
                t.tf,
                List.of(
                    new Conv2D(t.tf, "d_a", 2, 1, 3, 1, INIT, t.seeds), Activation.tanh(t.tf))));

    private final boolean image;
    private final Function<LayerPenaltiesTest, Network> build;

    Layer(boolean image, Function<LayerPenaltiesTest, Network> build) {
      this.image = image;
      this.build = build;
    }
  }

  /** {@code network} applied in inference whatever the critic's mode. */
  private Network inference(Network network) {
    return new Network() {
      @Override
      public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
        return network.apply(input, Mode.INFERENCE);
      }

      @Override
      public List<Variable<TFloat32>> variables() {
        return network.variables();
      }
    };
  }

  @ParameterizedTest
  @EnumSource(Layer.class)
  void thePenaltysWeightGradientMatchesCentralDifferences(Layer layer) {
    // A stem with weights before the layer, so that the check also differentiates the layer's
    // first-order gradient with respect to the layer's input.
    Network stem =
        layer.image
            ? new Conv2D(tf, "d_stem", 2, 2, 1, 1, INIT, seeds)
            : new Dense(tf, "d_stem", 3, 3, INIT, seeds);
    Shape input = layer.image ? Shape.of(3, 4, 4, 2) : Shape.of(3, 3);
    assertPenaltyGradientsMatch(
        new Sequential(List.of(stem, layer.build.apply(this))), input, 1e-2f, layer.name());
  }

  @Test
  void aDcganCriticWithBatchNormTakesAGradientPenalty() {
    Network dcgan =
        ConvStacks.downsampling(
            tf, "d", Shape.of(4, 4, 2), 2, 2, 3, 0.2f, ConvStacks.Normalization.BATCH, seeds);
    // Its convolutions feed LeakyReLUs: a step of 1e-2 moves units across the kink, where the
    // penalty (a function of D's slopes) jumps.
    assertPenaltyGradientsMatch(dcgan, Shape.of(3, 4, 4, 2), 1e-3f, "dcgan");
  }

  @Test
  void aResidualCriticFor28By28ImagesTakesAGradientPenaltyOnItsWeights() {
    // The plugin author's critic: residual blocks that pool, 28 to 14 to 7, a 1x1 convolution on
    // each shortcut; too many weights for differences, so the penalty's gradient is only built and
    // run.
    Network critic =
        new Sequential(
            List.of(
                block("d_block1", 1, 8),
                block("d_block2", 8, 16),
                Reshape.flatten(tf, 7 * 7 * 16),
                new Dense(tf, "d_out", 7 * 7 * 16, 1, INIT, seeds)));
    Shape images = Shape.of(4, 28, 28, 1);
    Operand<TFloat32> x = tf.constant(images, DataBuffers.of(normal((int) images.size())));
    Operand<TFloat32> penalty =
        GradientCheck.gradientPenalty(tf, critic.apply(x, Mode.TRAINING), x);
    Operand<TFloat32> byKernel = GradientCheck.gradient(tf, penalty, critic.variables().get(0));
    try (Session session = new Session(graph)) {
      session.initialize();
      try (var result = session.runner().fetch(penalty).fetch(byKernel).run()) {
        float[] kernel = new float[3 * 3 * 1 * 8];
        ((TFloat32) result.get(1)).copyTo(DataBuffers.of(kernel, false, false));
        assertTrue(Float.isFinite(((TFloat32) result.get(0)).getFloat()));
        assertTrue(IntStream.range(0, kernel.length).allMatch(i -> Float.isFinite(kernel[i])));
        assertTrue(IntStream.range(0, kernel.length).anyMatch(i -> kernel[i] != 0));
      }
    }
    assertEquals(2 * 6 + 2, critic.variables().size());
  }

  /** LeakyReLU, 3x3 convolution, LeakyReLU, 3x3 convolution, average pool; 1x1 conv and pool. */
  private Network block(String name, long in, long out) {
    Network main =
        new Sequential(
            List.of(
                Activation.leakyRelu(tf, 0.2f),
                new Conv2D(tf, name + "_a", in, out, 3, 1, INIT, seeds),
                Activation.leakyRelu(tf, 0.2f),
                new Conv2D(tf, name + "_b", out, out, 3, 1, INIT, seeds),
                Pool.average(tf, 2)));
    Network shortcut =
        new Sequential(
            List.of(
                new Conv2D(tf, name + "_skip", in, out, 1, 1, INIT, seeds), Pool.average(tf, 2)));
    return new Residual(tf, main, shortcut);
  }

  /** {@code body}, then a dense head to one logit, on a fixed input of shape {@code input}. */
  private void assertPenaltyGradientsMatch(Network body, Shape input, float step, String what) {
    Operand<TFloat32> x = tf.constant(input, DataBuffers.of(normal((int) input.size())));
    Operand<TFloat32> features = body.apply(x, Mode.TRAINING);
    long width = features.shape().size() / features.shape().get(0);
    Network head = new Dense(tf, "d_head", width, 1, INIT, seeds);
    Operand<TFloat32> critic =
        head.apply(Reshape.flatten(tf, width).apply(features, Mode.TRAINING), Mode.TRAINING);
    Operand<TFloat32> penalty = GradientCheck.gradientPenalty(tf, critic, x);
    List<Variable<TFloat32>> weights = new Sequential(List.of(body, head)).variables();
    GradientCheck.atInitialValues(graph, penalty, weights, step)
        .forEach((name, result) -> result.assertMaxRelativeErrorBelow(2e-2, what + " " + name));
  }

  private static float[] normal(int n) {
    SplittableRandom random = new SplittableRandom(3);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
