package org.nashlab.nn;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A convolution or dense layer with the equalized learning rate of ProGAN (Karras et al. 2018,
 * section 4.1) and StyleGAN (the authors' {@code get_weight} with {@code use_wscale} and {@code
 * lrmul}): its weight {@code NAME_w} is drawn from N(0, 1 / m^2) and multiplied at run time by
 * {@code c = m gain / sqrt(fan_in)}, so every weight learns at the same speed under Adam, and a
 * learning-rate multiplier {@code m} below 1 (StyleGAN's mapping network: 0.01) slows a whole layer
 * down. Off, the weight is drawn from N(0, (gain / sqrt(fan_in))^2) and used as it is. Then a
 * per-channel bias {@code NAME_b}, starting at 0, multiplied by {@code m} at run time. The weight
 * is read through {@link WeightReads}, so spectral norm reaches it.
 */
public final class Equalized implements Network {
  /** He's gain for layers followed by a (leaky) ReLU, the authors' default. */
  public static final double RELU_GAIN = Math.sqrt(2);

  /** How a layer's input meets its weight: a convolution or a matrix product. */
  @FunctionalInterface
  private interface Product {
    Operand<TFloat32> apply(Operand<TFloat32> input, Operand<TFloat32> weight);
  }

  private final Ops tf;
  private final Variable<TFloat32> weight;
  private final WeightReads.Read read;
  private final Optional<Variable<TFloat32>> bias;
  private final float scale;
  private final float biasScale;
  private final Product product;

  private Equalized(
      Ops tf,
      String name,
      Shape shape,
      long outputs,
      double gain,
      Weights weights,
      boolean withBias,
      Product product) {
    this.tf = tf;
    float he = (float) (gain / Math.sqrt(Initializer.fanIn(shape)));
    float m = weights.learningRate();
    this.scale = weights.equalized() ? he * m : 1f;
    this.biasScale = weights.equalized() ? m : 1f;
    this.weight =
        Variables.create(
            tf,
            name + "_w",
            shape,
            Initializer.normal(weights.equalized() ? 1f / m : he),
            weights.seeds());
    this.read = WeightReads.read(tf, name, weight, shape.numDimensions() - 1);
    this.bias =
        withBias
            ? Optional.of(Variables.filled(tf, name + "_b", Shape.of(outputs), 0f))
            : Optional.empty();
    this.product = product;
  }

  /**
   * The run-time scale and the initialisation of one network's layers.
   *
   * @param equalized N(0, 1 / m^2) weights scaled at run time, or He's initialisation used as is
   * @param learningRate the multiplier {@code m} of the weights' and biases' learning rate, in (0,
   *     1]
   * @param seeds the initialisers' seeds
   */
  public record Weights(boolean equalized, float learningRate, Seeds seeds) {
    public Weights {
      if (!(learningRate > 0 && learningRate <= 1)) {
        throw new IllegalArgumentException(
            "the learning-rate multiplier must be in (0, 1], got " + learningRate);
      }
      if (!equalized && learningRate != 1) {
        throw new IllegalArgumentException(
            "a learning-rate multiplier needs the equalized learning rate");
      }
    }

    /** Multiplier 1. */
    public Weights(boolean equalized, Seeds seeds) {
      this(equalized, 1f, seeds);
    }
  }

  /** A {@code kernel x kernel} convolution with SAME padding and stride 1. */
  public static Equalized conv(
      Ops tf, String name, long in, long out, int kernel, double gain, Weights weights) {
    return new Equalized(
        tf,
        name,
        Shape.of(kernel, kernel, in, out),
        out,
        gain,
        weights,
        true,
        (x, w) -> tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"));
  }

  /**
   * A {@code kernel x kernel} convolution with stride 2 and no padding, for inputs blurred and
   * padded beforehand (StyleGAN2's {@code conv2d_layer} with {@code down=True}).
   */
  public static Equalized downsamplingConv(
      Ops tf, String name, long in, long out, int kernel, double gain, Weights weights) {
    return new Equalized(
        tf,
        name,
        Shape.of(kernel, kernel, in, out),
        out,
        gain,
        weights,
        true,
        (x, w) -> tf.nn.conv2d(x, w, List.of(1L, 2L, 2L, 1L), "VALID"));
  }

  /** A 1 x 1 convolution without a bias, such as a residual block's shortcut. */
  public static Equalized projection(
      Ops tf, String name, long in, long out, double gain, Weights weights) {
    return new Equalized(
        tf,
        name,
        Shape.of(1, 1, in, out),
        out,
        gain,
        weights,
        false,
        (x, w) -> tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"));
  }

  /**
   * A dense layer from the flattened input to {@code output} (a shape without the batch), the bias
   * added per channel, its last axis: G's first layer makes a 4 x 4 image this way.
   */
  public static Equalized dense(
      Ops tf, String name, long in, Shape output, double gain, Weights weights) {
    long[] batchAndOutput = Shape.of(-1).append(output).asArray();
    return new Equalized(
        tf,
        name,
        Shape.of(in, output.size()),
        output.get(output.numDimensions() - 1),
        gain,
        weights,
        true,
        (x, w) ->
            tf.reshape(
                tf.linalg.matMul(tf.reshape(x, tf.constant(new long[] {-1, in})), w),
                tf.constant(batchAndOutput)));
  }

  /**
   * What the weight is multiplied by at run time: He's constant times the learning-rate multiplier,
   * or 1 when not equalized.
   */
  public float scale() {
    return scale;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    Operand<TFloat32> w = read.value();
    Operand<TFloat32> scaled = scale == 1f ? w : tf.math.mul(w, tf.constant(scale));
    Operand<TFloat32> product = this.product.apply(input, scaled);
    if (bias.isEmpty()) {
      return product;
    }
    Operand<TFloat32> b =
        biasScale == 1f ? bias.get() : tf.math.mul(bias.get(), tf.constant(biasScale));
    return tf.math.add(product, b);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return bias.isPresent() ? List.of(weight, bias.get()) : List.of(weight);
  }

  @Override
  public List<Op> updates() {
    return read.updates();
  }
}
