package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A transposed ("fractionally strided") convolution with SAME padding, then a bias: with stride
 * {@code s} an {@code H x W} input becomes {@code sH x sW}. It is the adjoint of {@link Conv2D}
 * with the same kernel. Variables {@code NAME_w} ({@code [k, k, out, in]}) and {@code NAME_b}.
 */
public final class Conv2DTranspose implements Network {
  private final Ops tf;
  private final Variable<TFloat32> kernel;
  private final WeightReads.Read read;
  private final Variable<TFloat32> bias;
  private final long outChannels;
  private final int stride;

  public Conv2DTranspose(
      Ops tf,
      String name,
      long inChannels,
      long outChannels,
      int kernelSize,
      int stride,
      Initializer init,
      Seeds seeds) {
    this.tf = tf;
    // Initialised as the kernel of the convolution this transposes: fan-in is k * k * out.
    this.kernel =
        Variables.create(
            tf,
            name + "_w",
            Shape.of(kernelSize, kernelSize, outChannels, inChannels),
            init,
            seeds);
    this.read = WeightReads.read(tf, name, kernel, 2);
    this.bias = Variables.filled(tf, name + "_b", Shape.of(outChannels), 0f);
    this.outChannels = outChannels;
    this.stride = stride;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    Operand<TInt32> in = tf.shape(input);
    Operand<TInt32> outputShape =
        tf.stack(
            List.of(
                tf.gather(in, tf.constant(0), tf.constant(0)),
                tf.math.mul(tf.gather(in, tf.constant(1), tf.constant(0)), tf.constant(stride)),
                tf.math.mul(tf.gather(in, tf.constant(2), tf.constant(0)), tf.constant(stride)),
                tf.constant((int) outChannels)));
    List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
    return tf.math.add(
        tf.nn.conv2dBackpropInput(outputShape, read.value(), input, strides, "SAME"), bias);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of(kernel, bias);
  }

  @Override
  public List<Op> updates() {
    return read.updates();
  }
}
