package org.nashlab.nn;

import java.util.List;
import java.util.stream.LongStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Reshapes each sample, keeping the batch axis: {@code Reshape.to(tf, Shape.of(7, 7, 128))}. */
public final class Reshape implements Network {
  private final Ops tf;
  private final long[] target;

  private Reshape(Ops tf, Shape sample) {
    this.tf = tf;
    this.target = LongStream.concat(LongStream.of(-1), LongStream.of(sample.asArray())).toArray();
  }

  /** Each sample to {@code sample}'s shape. */
  public static Reshape to(Ops tf, Shape sample) {
    return new Reshape(tf, sample);
  }

  /** Each sample to a flat vector of {@code size} values. */
  public static Reshape flatten(Ops tf, long size) {
    return new Reshape(tf, Shape.of(size));
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    return tf.reshape(input, tf.constant(target));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
