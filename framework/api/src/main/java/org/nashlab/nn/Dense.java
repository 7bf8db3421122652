package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A fully connected layer, {@code y = x W + b}. Its variables are named {@code NAME_w} and {@code
 * NAME_b}: flat names, as optimizer slot names are derived from them.
 */
public final class Dense implements Network {
  private final Ops tf;
  private final Variable<TFloat32> weights;
  private final WeightReads.Read read;
  private final Variable<TFloat32> bias;

  /**
   * @param tf the graph's op factory
   * @param name a flat variable-name prefix such as {@code g_dense1}
   * @param inputs input width
   * @param outputs output width
   * @param init initialiser of the weights; the bias starts at zero
   * @param seeds the seed stream the initialiser draws from
   */
  public Dense(Ops tf, String name, long inputs, long outputs, Initializer init, Seeds seeds) {
    this.tf = tf;
    this.weights = Variables.create(tf, name + "_w", Shape.of(inputs, outputs), init, seeds);
    this.read = WeightReads.read(tf, name, weights, 1);
    this.bias = Variables.filled(tf, name + "_b", Shape.of(outputs), 0f);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    // Add rather than BiasAdd, which Grappler's remapper mis-rewrites next to LeakyRelu
    // (docs/tensorflow-java.md, trap 3).
    return tf.math.add(tf.linalg.matMul(input, read.value()), bias);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of(weights, bias);
  }

  @Override
  public List<Op> updates() {
    return read.updates();
  }
}
