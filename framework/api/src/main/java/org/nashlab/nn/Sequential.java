package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Layers applied one after the other; its variables and updates are all of theirs. */
public final class Sequential implements Network {
  private final List<Network> layers;
  private final Trainable parts;

  public Sequential(List<? extends Network> layers) {
    this.layers = List.copyOf(layers);
    this.parts = Trainable.union(this.layers);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    Operand<TFloat32> x = input;
    for (Network layer : layers) {
      x = layer.apply(x, mode);
    }
    return x;
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return parts.variables();
  }

  @Override
  public List<Op> updates() {
    return parts.updates();
  }
}
