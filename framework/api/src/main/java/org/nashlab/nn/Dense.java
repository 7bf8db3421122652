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
 * A fully connected layer, {@code y = x W + b}. Its variables are named {@code NAME_w} and {@code
 * NAME_b}: flat names, as optimizer slot names are derived from them.
 */
public final class Dense implements Network {
  private final Ops tf;
  private final Variable<TFloat32> weights;
  private final WeightReads.Read read;
  private final Optional<Variable<TFloat32>> bias;

  /**
   * @param tf the graph's op factory
   * @param name a flat variable-name prefix such as {@code g_dense1}
   * @param inputs input width
   * @param outputs output width
   * @param init initialiser of the weights; the bias starts at zero
   * @param seeds the seed stream the initialiser draws from
   */
  public Dense(Ops tf, String name, long inputs, long outputs, Initializer init, Seeds seeds) {
    this(tf, name, inputs, outputs, init, seeds, true);
  }

  private Dense(
      Ops tf,
      String name,
      long inputs,
      long outputs,
      Initializer init,
      Seeds seeds,
      boolean withBias) {
    this.tf = tf;
    this.weights = Variables.create(tf, name + "_w", Shape.of(inputs, outputs), init, seeds);
    this.read = WeightReads.read(tf, name, weights, 1);
    this.bias =
        withBias
            ? Optional.of(Variables.filled(tf, name + "_b", Shape.of(outputs), 0f))
            : Optional.empty();
  }

  /**
   * A layer without bias, for one followed by batch norm, whose shift replaces it: a bias there
   * gets only rounding noise as gradient, which Adam's normalisation turns into steps of the full
   * learning rate.
   */
  public static Dense withoutBias(
      Ops tf, String name, long inputs, long outputs, Initializer init, Seeds seeds) {
    return new Dense(tf, name, inputs, outputs, init, seeds, false);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    // Add rather than BiasAdd, which Grappler's remapper mis-rewrites next to LeakyRelu
    // (docs/tensorflow-java.md, trap 3).
    Operand<TFloat32> product = tf.linalg.matMul(input, read.value());
    return bias.<Operand<TFloat32>>map(b -> tf.math.add(product, b)).orElse(product);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return bias.map(b -> List.of(weights, b)).orElse(List.of(weights));
  }

  @Override
  public List<Op> updates() {
    return read.updates();
  }
}
