package org.nashlab.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Builds the initial value of a variable, seeded from a {@link Seeds} stream. */
@FunctionalInterface
public interface Initializer {
  Operand<TFloat32> initialValue(Ops tf, Shape shape, Seeds seeds);

  /** All zeros, for biases. */
  static Initializer zeros() {
    return (tf, shape, seeds) -> tf.zeros(tf.constant(shape), TFloat32.class);
  }

  /**
   * Uniform in {@code ±sqrt(6 / (fan_in + fan_out))} (Glorot and Bengio 2010, eq. 16); for a
   * convolution kernel both fans include the receptive field.
   */
  static Initializer glorotUniform() {
    return (tf, shape, seeds) -> {
      long fanIn = fanIn(shape);
      long fanOut =
          fanIn / shape.get(shape.numDimensions() - 2) * shape.get(shape.numDimensions() - 1);
      float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
      Operand<TFloat32> unit = uniform(tf, shape, seeds);
      return tf.math.mul(
          tf.math.sub(tf.math.mul(unit, tf.constant(2f)), tf.constant(1f)), tf.constant(limit));
    };
  }

  /**
   * Normal with standard deviation {@code sqrt(2 / fan_in)} (He et al. 2015, eq. 10), for ReLU
   * layers.
   */
  static Initializer heNormal() {
    return (tf, shape, seeds) ->
        normal((float) Math.sqrt(2.0 / fanIn(shape))).initialValue(tf, shape, seeds);
  }

  /**
   * Inputs per output unit: rows of a dense {@code [in, out]} matrix, {@code kh * kw * in} of a
   * convolution kernel {@code [kh, kw, in, out]}.
   */
  static long fanIn(Shape shape) {
    long fanIn = 1;
    for (int i = 0; i < shape.numDimensions() - 1; i++) {
      fanIn *= shape.get(i);
    }
    return fanIn;
  }

  /** Normal with mean 0 and the given standard deviation (0.02 in DCGAN, Radford et al. 2015). */
  static Initializer normal(float std) {
    return (tf, shape, seeds) ->
        tf.math.mul(
            tf.random.randomStandardNormal(
                tf.constant(shape),
                TFloat32.class,
                RandomStandardNormal.seed(seeds.next()).seed2(seeds.next())),
            tf.constant(std));
  }

  private static Operand<TFloat32> uniform(Ops tf, Shape shape, Seeds seeds) {
    Operand<TInt64> dims = tf.constant(shape);
    return tf.random.randomUniform(
        dims, TFloat32.class, RandomUniform.seed(seeds.next()).seed2(seeds.next()));
  }
}
