package org.nashlab.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Symbolic gradients of a scalar loss, safe against TF Java 1.1's two gradient traps. */
final class Gradients {
  private Gradients() {}

  /**
   * The gradient of {@code loss} for each variable, zeros where the loss does not depend on it.
   *
   * @param prefix a unique name scope for the gradient ops, such as {@code d_grad}
   */
  static List<Operand<TFloat32>> of(
      Graph graph,
      Ops tf,
      Operand<TFloat32> loss,
      List<Variable<TFloat32>> variables,
      String prefix) {
    Output<?>[] xs = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    // An explicit dy keeps OnesLike off the gradient path: it has no gradient of its own, which
    // breaks penalties that differentiate through these gradients (notes/tensorflow-java.md, 1).
    Output<?>[] dy = {tf.withName(prefix + "_seed").constant(1f).asOutput()};
    Output<?>[] grads = graph.addGradients(prefix, new Output<?>[] {loss.asOutput()}, xs, dy);
    List<Operand<TFloat32>> result = new ArrayList<>(grads.length);
    for (int i = 0; i < grads.length; i++) {
      Variable<TFloat32> v = variables.get(i);
      result.add(isNull(grads[i]) ? tf.zerosLike(v) : grads[i].expect(TFloat32.class));
    }
    return result;
  }

  /**
   * A variable the loss does not reach gets an output with a null native handle; using it fails
   * with a misleading "close() has been called on the Graph" (notes/tensorflow-java.md, 2).
   */
  private static boolean isNull(Output<?> gradient) {
    if (gradient == null) {
      return true;
    }
    var handle = ((GraphOperation) gradient.op()).getUnsafeNativeHandle();
    return handle == null || handle.isNull();
  }
}
