package org.nashlab.nn;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Creates layer variables with flat names (optimizers reject '/'). */
final class Variables {
  private Variables() {}

  static Variable<TFloat32> create(
      Ops tf, String name, Shape shape, Initializer init, Seeds seeds) {
    if (name.contains("/")) {
      throw new IllegalArgumentException("variable name '" + name + "' must not contain '/'");
    }
    return tf.withName(name).variable(init.initialValue(tf, shape, seeds));
  }

  static Variable<TFloat32> filled(Ops tf, String name, Shape shape, float value) {
    return tf.withName(name).variable(tf.fill(tf.constant(shape), tf.constant(value)));
  }
}
