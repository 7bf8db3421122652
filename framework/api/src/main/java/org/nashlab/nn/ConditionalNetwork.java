package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** A network that also reads a class label per sample, as in a class-conditional GAN. */
public interface ConditionalNetwork extends Trainable {
  /** The output for {@code input} given {@code labels} ({@code [batch]}, 0 to classes - 1). */
  Operand<TFloat32> apply(Operand<TFloat32> input, Operand<TInt32> labels, Mode mode);

  /** {@code network} as a conditional network that does not look at the labels. */
  static ConditionalNetwork ignoringLabels(Network network) {
    return new ConditionalNetwork() {
      @Override
      public Operand<TFloat32> apply(Operand<TFloat32> input, Operand<TInt32> labels, Mode mode) {
        return network.apply(input, mode);
      }

      @Override
      public List<Variable<TFloat32>> variables() {
        return network.variables();
      }

      @Override
      public List<Op> updates() {
        return network.updates();
      }
    };
  }
}
