package org.nashlab.variant.stylegan2;

import java.util.List;
import org.nashlab.nn.Activation;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The authors' {@code lrelu} of {@code fused_bias_act}: leaky ReLU with slope 0.2, times its gain
 * {@code sqrt(2)}, which keeps unit-variance activations unit-variance; the layers' weights then
 * have gain 1. Times a further gain where the authors give one (a residual branch's {@code
 * sqrt(1/2)}).
 */
final class Lrelu implements Network {
  private static final float DEFAULT_GAIN = (float) Math.sqrt(2);

  private final Ops tf;
  private final Network leaky;
  private final float gain;

  Lrelu(Ops tf) {
    this(tf, 1f);
  }

  Lrelu(Ops tf, float extraGain) {
    this.tf = tf;
    this.leaky = Activation.leakyRelu(tf, 0.2f);
    this.gain = DEFAULT_GAIN * extraGain;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    return tf.math.mul(leaky.apply(input, mode), tf.constant(gain));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
