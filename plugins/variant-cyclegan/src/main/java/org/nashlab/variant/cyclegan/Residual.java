package org.nashlab.variant.cyclegan;

import java.util.List;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Sequential;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A residual block, {@code x + body(x)} (He et al. 2016), as in CycleGAN's ResNet generator. */
final class Residual implements Network {
  private final Ops tf;
  private final Sequential body;

  Residual(Ops tf, List<Network> body) {
    this.tf = tf;
    this.body = new Sequential(body);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    return tf.math.add(input, body.apply(input, mode));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return body.variables();
  }

  @Override
  public List<Op> updates() {
    return body.updates();
  }
}
