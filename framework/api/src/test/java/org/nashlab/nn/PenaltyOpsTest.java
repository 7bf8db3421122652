package org.nashlab.nn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Which TensorFlow ops a gradient penalty can differentiate through, with the toolkit's gradients
 * registered: the penalty's gradient {@code d ||d f(x w) / dx||^2 / dw} either builds or fails
 * naming the gradient op that has no gradient. docs/penalty-ops.md lists the same ops.
 */
class PenaltyOpsTest extends GraphTest {
  @BeforeAll
  static void register() {
    CustomGradients.registerToolkit();
  }

  private Operand<TFloat32> kernel(long... shape) {
    return tf.constant(Shape.of(shape), DataBuffers.of(random((int) Shape.of(shape).size(), 1)));
  }

  private UnaryOperator<Operand<TFloat32>> op(String name) {
    List<Long> unit = List.of(1L, 1L, 1L, 1L);
    return switch (name) {
      case "Relu" -> tf.nn::relu;
      case "Tanh" -> tf.math::tanh;
      case "Sigmoid" -> tf.math::sigmoid;
      case "LeakyRelu" -> tf.nn::leakyRelu;
      case "Exp" -> tf.math::exp;
      case "Abs" -> tf.math::abs;
      case "Maximum" -> u -> tf.math.maximum(u, tf.constant(0.1f));
      case "LogSoftmax" -> tf.nn::logSoftmax;
      case "Max" -> u -> tf.max(u, tf.constant(3));
      case "Transpose" -> u -> tf.linalg.transpose(u, tf.constant(new int[] {0, 2, 1, 3}));
      case "Pad" ->
          u ->
              tf.pad(u, tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}), tf.constant(0f));
      case "ConcatV2" -> u -> tf.concat(List.of(u, tf.math.mul(u, u)), tf.constant(3));
      case "Elu" -> tf.nn::elu;
      case "Selu" -> tf.nn::selu;
      case "Relu6" -> tf.nn::relu6;
      case "Softplus" -> tf.math::softplus;
      case "Softmax" -> tf.nn::softmax;
      case "BiasAdd" -> u -> tf.nn.biasAdd(u, tf.constant(new float[] {1f, 2f}));
      case "Conv2D" -> u -> tf.nn.conv2d(u, kernel(3, 3, 2, 2), unit, "SAME");
      case "DepthwiseConv2dNative" ->
          u -> tf.nn.depthwiseConv2dNative(u, kernel(3, 3, 2, 1), unit, "SAME");
      case "AvgPool" -> u -> Pool.average(tf, 2).apply(u, Mode.TRAINING);
      case "MaxPoolV2" -> u -> Pool.max(tf, 2).apply(u, Mode.TRAINING);
      case "Tile" -> u -> new Upsample(tf, 2).apply(u, Mode.TRAINING);
      case "ResizeNearestNeighbor" ->
          u -> tf.image.resizeNearestNeighbor(u, tf.constant(new int[] {8, 8}));
      case "ResizeBilinear" -> u -> tf.image.resizeBilinear(u, tf.constant(new int[] {8, 8}));
      case "FusedBatchNormV3" ->
          u ->
              tf.nn
                  .fusedBatchNorm(
                      u,
                      tf.constant(new float[] {1f, 1f}),
                      tf.constant(new float[] {0f, 0f}),
                      tf.constant(new float[0]),
                      tf.constant(new float[0]),
                      FusedBatchNorm.isTraining(true))
                  .y();
      default -> throw new IllegalArgumentException(name);
    };
  }

  private Output<?> gradient(Operand<TFloat32> y, Operand<TFloat32> x, String scope) {
    Operand<TFloat32> sum =
        tf.reduceSum(tf.math.mul(y, y), tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
    Output<?>[] one = {tf.withName(scope + "_seed").constant(1f).asOutput()};
    return graph
        .addGradients(scope, new Output<?>[] {sum.asOutput()}, new Output<?>[] {x.asOutput()}, one)[
        0];
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "Relu, ''",
    "Tanh, ''",
    "Sigmoid, ''",
    "LeakyRelu, ''",
    "Exp, ''",
    "Abs, ''",
    "Maximum, ''",
    "Softmax, ''",
    "LogSoftmax, ''",
    "Max, ''",
    "Transpose, ''",
    "Pad, ''",
    "ConcatV2, ''",
    "BiasAdd, ''",
    "Conv2D, ''",
    "AvgPool, ''",
    "MaxPoolV2, ''",
    "Tile, ''",
    "Elu, EluGrad",
    "Selu, SeluGrad",
    "Relu6, Relu6Grad",
    "Softplus, SoftplusGrad",
    "DepthwiseConv2dNative, DepthwiseConv2dNativeBackpropInput",
    "ResizeNearestNeighbor, ResizeNearestNeighborGrad",
    "ResizeBilinear, ResizeBilinearGrad",
    "FusedBatchNormV3, FusedBatchNormGradV3"
  })
  void aPenaltyThroughAnOpBuildsOrNamesTheGradientOpWithoutAGradient(String name, String missing) {
    Shape shape = Shape.of(2, 4, 4, 2);
    var w = tf.withName("w").placeholder(TFloat32.class, Placeholder.shape(shape));
    Operand<TFloat32> x = tf.constant(shape, DataBuffers.of(random((int) shape.size(), 2)));
    Operand<TFloat32> inputGradient =
        gradient(op(name).apply(tf.math.mul(x, w)), x, "g").expect(TFloat32.class);
    if (missing.isEmpty()) {
      assertDoesNotThrow(() -> gradient(inputGradient, w, "h"));
    } else {
      var error = assertThrows(RuntimeException.class, () -> gradient(inputGradient, w, "h"));
      assertTrue(
          error.getMessage().startsWith("No gradient defined for op: " + missing + "."),
          error.getMessage());
    }
  }
}
