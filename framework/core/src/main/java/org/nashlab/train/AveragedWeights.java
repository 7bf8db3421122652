package org.nashlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A network's shadow weights (such as the generator's moving average) swapped in for sampling and
 * evaluation: the trained weights are copied aside, the shadows copied in, and the trained weights
 * copied back afterwards, bit for bit, so training goes on exactly as without the swap.
 */
final class AveragedWeights {
  private final Op swapIn;
  private final Op swapOut;

  AveragedWeights(Ops tf, List<Variable<TFloat32>> weights, List<Variable<TFloat32>> shadows) {
    if (weights.size() != shadows.size()) {
      throw new IllegalArgumentException(
          weights.size() + " weights but " + shadows.size() + " shadow weights");
    }
    List<Op> saved = new ArrayList<>();
    List<Variable<TFloat32>> backups = new ArrayList<>();
    for (Variable<TFloat32> weight : weights) {
      Variable<TFloat32> backup =
          tf.withName(weight.op().name() + "_trained")
              .variable(tf.zeros(tf.constant(weight.shape()), TFloat32.class));
      backups.add(backup);
      saved.add(tf.assign(backup, weight));
    }
    Ops afterSaving = tf.withControlDependencies(saved);
    List<Op> loaded = new ArrayList<>();
    List<Op> restored = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      loaded.add(afterSaving.assign(weights.get(i), shadows.get(i)));
      restored.add(tf.assign(weights.get(i), backups.get(i)));
    }
    this.swapIn = tf.withControlDependencies(loaded).withName("shadows_in").noOp();
    this.swapOut = tf.withControlDependencies(restored).withName("shadows_out").noOp();
  }

  /** {@code action}'s result computed with the shadow weights in place. */
  <T> T during(Session session, Supplier<T> action) {
    session.runner().addTarget(swapIn).run().close();
    try {
      return action.get();
    } finally {
      session.runner().addTarget(swapOut).run().close();
    }
  }
}
