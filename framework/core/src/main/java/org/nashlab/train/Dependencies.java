package org.nashlab.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Op;

/** What ops depend on in their graph. */
final class Dependencies {
  private Dependencies() {}

  /**
   * The names of every operation the {@code outputs} read data from, themselves included: what a
   * gradient can flow through.
   */
  static Set<String> dataFeeding(Op... outputs) {
    return walk(false, outputs);
  }

  /**
   * The names of every operation a run of {@code targets} executes, through data and control edges,
   * themselves included: which inputs such a run must be fed.
   */
  static Set<String> executedBy(Op... targets) {
    return walk(true, targets);
  }

  private static Set<String> walk(boolean control, Op... roots) {
    Set<String> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>();
    for (Op root : roots) {
      todo.push((GraphOperation) root.op());
    }
    while (!todo.isEmpty()) {
      GraphOperation op = todo.pop();
      if (seen.add(op.name())) {
        for (org.tensorflow.Operand<?> input : op.inputs()) {
          todo.push((GraphOperation) input.op());
        }
        if (control) {
          todo.addAll(op.controlInputs());
        }
      }
    }
    return seen;
  }
}
