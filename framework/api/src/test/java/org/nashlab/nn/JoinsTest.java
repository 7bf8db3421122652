package org.nashlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * Joins give {@code tf.stack}'s and {@code tf.concat}'s values, at every count around the limit and
 * on every axis, from ops with at most {@link Joins#MAX_INPUTS} inputs.
 */
class JoinsTest extends GraphTest {
  private List<Operand<TFloat32>> parts(int n) {
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(constant(random(2 * 3, 10 + i), 2, 3));
    }
    return parts;
  }

  @Test
  void aStackHasTfStacksValuesOnEveryAxis() {
    for (int n : new int[] {1, 7, 8, 9, 20, 65}) {
      for (int axis = 0; axis <= 2; axis++) {
        List<Operand<TFloat32>> parts = parts(n);
        float[][] got = run(Joins.stack(tf, parts, axis), tf.stack(parts, Stack.axis((long) axis)));
        assertArrayEquals(got[1], got[0], n + " parts on axis " + axis);
      }
    }
  }

  @Test
  void aConcatenationHasTfConcatsValuesOnEveryAxis() {
    for (int n : new int[] {1, 6, 7, 8, 20, 50}) {
      for (int axis = 0; axis <= 1; axis++) {
        List<Operand<TFloat32>> parts = parts(n);
        // ConcatV2 refuses a single tensor; its concatenation is itself.
        Operand<TFloat32> expected =
            n == 1 ? tf.identity(parts.get(0)) : tf.concat(parts, tf.constant(axis));
        float[][] got = run(Joins.concat(tf, parts, axis), expected);
        assertArrayEquals(got[1], got[0], n + " parts on axis " + axis);
      }
    }
  }

  @Test
  void noOpOfAJoinHasMoreThanTheLimitsInputs() {
    Joins.stack(tf, parts(65), 1);
    Joins.concat(tf, parts(50), 0);
    int widest = 0;
    int joins = 0;
    for (var it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = (GraphOperation) it.next();
      if (op.type().equals("Pack") || op.type().equals("ConcatV2")) {
        joins++;
        widest = Math.max(widest, op.numInputs() + op.numControlInputs());
      }
    }
    assertEquals(Joins.MAX_INPUTS, widest);
    assertTrue(joins > 10, "a tree of joins, not one op: " + joins);
  }
}
