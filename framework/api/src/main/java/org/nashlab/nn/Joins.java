package org.nashlab.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.family.TType;

/**
 * Stacks and concatenations of many tensors, built as trees of ops with at most {@value
 * #MAX_INPUTS} inputs each, so that gradients through them are built in the same order in every
 * process.
 *
 * <p>TensorFlow's gradient builder visits an op's inputs in a pointer-hashed order once it has more
 * than {@value #MAX_INPUTS} of them, and that order decides in which order the gradients of a
 * tensor with three or more consumers (a weight an unrolled network reads at every step) are
 * summed. A {@code tf.stack} of 20 time steps therefore gives float sums in a different order in
 * each process, and two runs of the same configuration part in the last bits within a few steps
 * (docs/tensorflow-java.md, trap 10). The values are those of {@code tf.stack} and {@code
 * tf.concat}.
 *
 * <pre>{@code
 * Operand<TFloat32> perStep = Joins.stack(tf, logProbabilities, 1); // [rows, length]
 * }</pre>
 */
public final class Joins {
  /** The most inputs an op may have for its gradient to be built in a fixed order. */
  public static final int MAX_INPUTS = 8;

  private Joins() {}

  /** {@code parts} stacked along the new axis {@code axis} (0 to their rank). */
  public static <T extends TType> Operand<T> stack(Ops tf, List<Operand<T>> parts, int axis) {
    requireParts(parts);
    if (parts.size() <= MAX_INPUTS) {
      return tf.stack(parts, Stack.axis((long) axis));
    }
    List<Operand<T>> stacks = new ArrayList<>();
    for (List<Operand<T>> group : groups(parts, MAX_INPUTS)) {
      stacks.add(tf.stack(group, Stack.axis((long) axis)));
    }
    return concat(tf, stacks, axis);
  }

  /** {@code parts} concatenated along {@code axis}. */
  public static <T extends TType> Operand<T> concat(Ops tf, List<Operand<T>> parts, int axis) {
    requireParts(parts);
    if (parts.size() == 1) {
      return parts.get(0);
    }
    // ConcatV2's axis is an input too.
    int values = MAX_INPUTS - 1;
    if (parts.size() <= values) {
      return tf.concat(parts, tf.constant(axis));
    }
    List<Operand<T>> joined = new ArrayList<>();
    for (List<Operand<T>> group : groups(parts, values)) {
      joined.add(concat(tf, group, axis));
    }
    return concat(tf, joined, axis);
  }

  /** {@code parts} in consecutive groups of {@code size}, the last one shorter. */
  private static <T> List<List<T>> groups(List<T> parts, int size) {
    List<List<T>> groups = new ArrayList<>();
    for (int from = 0; from < parts.size(); from += size) {
      groups.add(parts.subList(from, Math.min(parts.size(), from + size)));
    }
    return groups;
  }

  private static void requireParts(List<?> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to join: the list of tensors is empty");
    }
  }
}
