package org.nashlab.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** A learned vector per class: row {@code i} of {@code NAME_table} ({@code [classes, dim]}). */
public final class Embedding {
  private final Ops tf;
  private final Variable<TFloat32> table;

  public Embedding(
      Ops tf, String name, long classes, long dimension, Initializer init, Seeds seeds) {
    this.tf = tf;
    this.table = Variables.create(tf, name + "_table", Shape.of(classes, dimension), init, seeds);
  }

  /** The vectors of {@code ids}, {@code [batch, dimension]}. */
  public Operand<TFloat32> lookup(Operand<TInt32> ids) {
    return tf.gather(table, ids, tf.constant(0));
  }

  public List<Variable<TFloat32>> variables() {
    return List.of(table);
  }
}
