package org.nashlab.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nashlab.api.OptimizerContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer's train op: one apply op per variable at the scheduled learning rate, then the
 * optimizer's own state (its update counter, Adam's beta powers) advanced only after every apply op
 * has run, so no apply op can read state that belongs to the next step. The counter {@code
 * NETWORK_OPTIMIZER_updates} is a variable, saved in checkpoints.
 */
final class ScheduledUpdate {
  /** The apply op of one variable. */
  interface PerVariable {
    Op apply(
        Ops tf,
        Variable<TFloat32> variable,
        Operand<TFloat32> gradient,
        Operand<TFloat32> rate,
        String slotPrefix);
  }

  private ScheduledUpdate() {}

  static Op build(
      OptimizerContext context,
      String optimizer,
      Schedule schedule,
      double learningRate,
      PerVariable perVariable,
      Function<Ops, List<Op>> afterAll) {
    Ops tf = Ops.create(context.graph());
    String name = context.network() + "_" + optimizer;
    Variable<TFloat32> updates = tf.withName(name + "_updates").variable(tf.constant(0f));
    Operand<TFloat32> progress =
        tf.math.minimum(
            tf.math.div(updates, tf.constant((float) context.totalUpdates())), tf.constant(1f));
    Operand<TFloat32> rate = schedule.rate(tf, (float) learningRate, progress);
    List<Op> applies = new ArrayList<>();
    for (int i = 0; i < context.variables().size(); i++) {
      Variable<TFloat32> variable = context.variables().get(i);
      applies.add(
          perVariable.apply(
              tf, variable, context.gradients().get(i), rate, variable.op().name() + "_" + name));
    }
    Ops after = tf.withControlDependencies(applies);
    List<Op> last = new ArrayList<>(afterAll.apply(after));
    last.add(after.assignAdd(updates, tf.constant(1f)));
    return tf.withControlDependencies(last).withName(name + "_train").noOp();
  }

  /** A slot variable shaped like {@code variable}, starting at zero. */
  static Variable<TFloat32> slot(Ops tf, Variable<TFloat32> variable, String name) {
    return tf.withName(name).variable(tf.zeros(tf.constant(variable.shape()), TFloat32.class));
  }
}
