package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A 2-D convolution over NHWC images with SAME padding, then a bias: with stride {@code s} an
 * {@code H x W} input becomes {@code ceil(H/s) x ceil(W/s)}. Variables {@code NAME_w} ({@code [k,
 * k, in, out]}) and {@code NAME_b}.
 */
public final class Conv2D implements Network {
  private final Ops tf;
  private final Variable<TFloat32> kernel;
  private final WeightReads.Read read;
  private final Variable<TFloat32> bias;
  private final List<Long> strides;

  public Conv2D(
      Ops tf,
      String name,
      long inChannels,
      long outChannels,
      int kernelSize,
      int stride,
      Initializer init,
      Seeds seeds) {
    this.tf = tf;
    this.kernel =
        Variables.create(
            tf,
            name + "_w",
            Shape.of(kernelSize, kernelSize, inChannels, outChannels),
            init,
            seeds);
    this.read = WeightReads.read(tf, name, kernel, 3);
    this.bias = Variables.filled(tf, name + "_b", Shape.of(outChannels), 0f);
    this.strides = List.of(1L, (long) stride, (long) stride, 1L);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    return tf.math.add(tf.nn.conv2d(input, read.value(), strides, "SAME"), bias);
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
