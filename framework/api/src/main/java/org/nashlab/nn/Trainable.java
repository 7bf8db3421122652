package org.nashlab.nn;

import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Something with weights an optimizer updates: a {@link Network} or a {@link ConditionalNetwork}.
 */
public interface Trainable {
  /** The trainable variables, in a stable order. */
  List<Variable<TFloat32>> variables();

  /**
   * Ops to run with every training step, such as batch norm's moving averages: one set per training
   * application so far.
   */
  default List<Op> updates() {
    return List.of();
  }

  /**
   * The variables and updates of all of {@code parts}, for a network made of others: each variable
   * once, in the order of the parts; the updates as the parts have them when asked.
   */
  static Trainable union(List<? extends Trainable> parts) {
    List<Trainable> all = List.copyOf(parts);
    return new Trainable() {
      @Override
      public List<Variable<TFloat32>> variables() {
        return all.stream().flatMap(p -> p.variables().stream()).distinct().toList();
      }

      @Override
      public List<Op> updates() {
        return all.stream().flatMap(p -> p.updates().stream()).distinct().toList();
      }
    };
  }
}
