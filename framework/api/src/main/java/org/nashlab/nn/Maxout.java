package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Maxout units (Goodfellow et al. 2013): each of {@code units} outputs is the largest of {@code
 * pieces} affine functions of the input. Goodfellow et al. 2014 built their discriminators from
 * them.
 */
public final class Maxout implements Network {
  private final Ops tf;
  private final Dense pieces;
  private final long units;
  private final long pieceCount;

  public Maxout(
      Ops tf, String name, long inputs, long units, long pieces, Initializer init, Seeds seeds) {
    this.tf = tf;
    this.pieces = new Dense(tf, name, inputs, units * pieces, init, seeds);
    this.units = units;
    this.pieceCount = pieces;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    Operand<TFloat32> all =
        tf.reshape(pieces.apply(input, mode), tf.constant(new long[] {-1, units, pieceCount}));
    return tf.max(all, tf.constant(2));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return pieces.variables();
  }

  @Override
  public List<Op> updates() {
    return pieces.updates();
  }
}
