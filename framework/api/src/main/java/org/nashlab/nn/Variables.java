package org.nashlab.nn;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Creates a layer's variables, with the flat names optimizers need (their slot names are derived
 * from a variable's, and '/' is rejected; docs/tensorflow-java.md, trap 5). A plugin's own layer
 * creates its weights here and reads each one it computes with through {@link WeightReads#read}, so
 * that spectral normalisation and other reparametrisations reach it as they reach {@link Dense}:
 *
 * <pre>{@code
 * final class Scale implements Network { // y = x * s, one learned factor per channel
 *   private final Ops tf;
 *   private final Variable<TFloat32> factors;
 *   private final WeightReads.Read read;
 *
 *   Scale(Ops tf, String name, long channels, Seeds seeds) { // name: d_scale1, after its network
 *     this.tf = tf;
 *     this.factors = Variables.create(tf, name + "_s", Shape.of(1, channels), Initializer.normal(1f), seeds);
 *     this.read = WeightReads.read(tf, name, factors, 1);
 *   }
 *
 *   public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
 *     return tf.math.mul(input, read.value());
 *   }
 *
 *   public List<Variable<TFloat32>> variables() { return List.of(factors); }
 *
 *   public List<Op> updates() { return read.updates(); }
 * }
 * }</pre>
 */
public final class Variables {
  private Variables() {}

  /**
   * A variable named {@code name} whose initial value {@code init} draws from {@code seeds}.
   *
   * @throws IllegalArgumentException if {@code name} contains '/'
   */
  public static Variable<TFloat32> create(
      Ops tf, String name, Shape shape, Initializer init, Seeds seeds) {
    return tf.withName(flat(name)).variable(init.initialValue(tf, shape, seeds));
  }

  /**
   * A variable named {@code name} that starts with every element {@code value}, such as a bias or a
   * normalisation's scale.
   *
   * @throws IllegalArgumentException if {@code name} contains '/'
   */
  public static Variable<TFloat32> filled(Ops tf, String name, Shape shape, float value) {
    return tf.withName(flat(name)).variable(tf.fill(tf.constant(shape), tf.constant(value)));
  }

  private static String flat(String name) {
    if (name.contains("/")) {
      throw new IllegalArgumentException("variable name '" + name + "' must not contain '/'");
    }
    return name;
  }
}
