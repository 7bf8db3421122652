package org.nashlab.nn;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.tensorflow.ExecutionEnvironment;

/**
 * Graphs whose gradients are never differentiated again, as declared by whoever builds them, before
 * the layers. Nash's trainer declares a trial's graph so when the experiment has no penalty
 * technique ({@code LossTerm}). In such a graph {@link BatchNorm} uses TensorFlow's fused kernel,
 * which is faster (a DCGAN step ran 1.08 to 1.13 times as fast with it, measured side by side) but
 * whose gradient has no gradient of its own; in every other graph it is built from primitives, so
 * that a penalty can differentiate it twice (docs/penalty-ops.md).
 *
 * <pre>{@code
 * FirstOrderGraphs.declare(graph); // then build the layers
 * }</pre>
 */
public final class FirstOrderGraphs {
  private static final Set<ExecutionEnvironment> DECLARED =
      Collections.newSetFromMap(new WeakHashMap<>());

  private FirstOrderGraphs() {}

  /** Declares that no gradient built on {@code graph} will be differentiated again. */
  public static void declare(ExecutionEnvironment graph) {
    synchronized (DECLARED) {
      DECLARED.add(graph);
    }
  }

  /** Whether {@code graph} was declared first-order only; false unless it was. */
  public static boolean declared(ExecutionEnvironment graph) {
    synchronized (DECLARED) {
      return DECLARED.contains(graph);
    }
  }
}
