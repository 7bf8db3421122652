package org.nashlab.variant.progan;

import java.util.List;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Variables;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A convolution or dense layer with the paper's equalized learning rate (section 4.1, the authors'
 * {@code get_weight} with {@code use_wscale}): its weight {@code NAME_w} is drawn from N(0, 1) and
 * multiplied at run time by He's constant {@code c = gain / sqrt(fan_in)}, so every weight learns
 * at the same speed under Adam. Off, the weight is drawn from N(0, c^2) and used as it is. Then a
 * per-channel bias {@code NAME_b}, not scaled. The weight is read through {@link WeightReads}, so
 * spectral norm reaches it.
 */
final class Equalized implements Network {
  /** He's gain for layers followed by a (leaky) ReLU, the authors' default. */
  static final double RELU_GAIN = Math.sqrt(2);

  /** How a layer's input meets its weight: a convolution or a matrix product. */
  @FunctionalInterface
  private interface Product {
    Operand<TFloat32> apply(Operand<TFloat32> input, Operand<TFloat32> weight);
  }

  private final Ops tf;
  private final Variable<TFloat32> weight;
  private final WeightReads.Read read;
  private final Variable<TFloat32> bias;
  private final float scale;
  private final Product product;

  private Equalized(
      Ops tf,
      String name,
      Shape shape,
      long outputs,
      double gain,
      Weights weights,
      Product product) {
    this.tf = tf;
    float he = (float) (gain / Math.sqrt(Initializer.fanIn(shape)));
    this.scale = weights.equalized() ? he : 1f;
    this.weight =
        Variables.create(
            tf,
            name + "_w",
            shape,
            Initializer.normal(weights.equalized() ? 1f : he),
            weights.seeds());
    this.read = WeightReads.read(tf, name, weight, shape.numDimensions() - 1);
    this.bias = Variables.filled(tf, name + "_b", Shape.of(outputs), 0f);
    this.product = product;
  }

  /** The run-time scale and the initialisation of one network's layers. */
  record Weights(boolean equalized, Seeds seeds) {}

  /** A {@code kernel x kernel} convolution with SAME padding and stride 1. */
  static Equalized conv(
      Ops tf, String name, long in, long out, int kernel, double gain, Weights weights) {
    return new Equalized(
        tf,
        name,
        Shape.of(kernel, kernel, in, out),
        out,
        gain,
        weights,
        (x, w) -> tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"));
  }

  /**
   * A dense layer from the flattened input to {@code output} (a shape without the batch), the bias
   * added per channel, its last axis: G's first layer makes a 4 x 4 image this way.
   */
  static Equalized dense(Ops tf, String name, long in, Shape output, double gain, Weights weights) {
    long[] batchAndOutput = Shape.of(-1).append(output).asArray();
    return new Equalized(
        tf,
        name,
        Shape.of(in, output.size()),
        output.get(output.numDimensions() - 1),
        gain,
        weights,
        (x, w) ->
            tf.reshape(
                tf.linalg.matMul(tf.reshape(x, tf.constant(new long[] {-1, in})), w),
                tf.constant(batchAndOutput)));
  }

  /** What the weight is multiplied by at run time: He's constant, or 1 when not equalized. */
  float scale() {
    return scale;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    Operand<TFloat32> w = read.value();
    Operand<TFloat32> scaled = scale == 1f ? w : tf.math.mul(w, tf.constant(scale));
    return tf.math.add(product.apply(input, scaled), bias);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of(weight, bias);
  }

  @Override
  public List<Op> updates() {
    return read.updates();
  }
}
