package org.nashlab.nn;

import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** An element-wise activation as a layer without variables. */
public final class Activation implements Network {
  private final UnaryOperator<Operand<TFloat32>> function;

  private Activation(UnaryOperator<Operand<TFloat32>> function) {
    // So that a penalty can differentiate these units twice in any graph, not only a trial's.
    CustomGradients.registerToolkit();
    this.function = function;
  }

  /** The output unchanged: a linear output layer. */
  public static Activation identity() {
    return new Activation(x -> x);
  }

  public static Activation relu(Ops tf) {
    return new Activation(x -> tf.nn.relu(x));
  }

  /** {@code max(x, alpha x)}; DCGAN uses {@code alpha = 0.2}. */
  public static Activation leakyRelu(Ops tf, float alpha) {
    return new Activation(x -> tf.nn.leakyRelu(x, LeakyRelu.alpha(alpha)));
  }

  public static Activation tanh(Ops tf) {
    return new Activation(x -> tf.math.tanh(x));
  }

  public static Activation sigmoid(Ops tf) {
    return new Activation(x -> tf.math.sigmoid(x));
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    return function.apply(input);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
