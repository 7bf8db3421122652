package org.nashlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Symbolic gradients of a scalar loss, safe against TF Java 1.1's gradient traps. */
final class Gradients {
  private Gradients() {}

  /**
   * The gradient of {@code loss} for each variable, zeros where the loss does not depend on it.
   *
   * <p>Each returned gradient is ready only once all of them are: variables are read by reference
   * when an op runs, so without this an optimizer could update a weight that backpropagation into
   * an earlier layer still has to read, and runs would not be reproducible.
   *
   * @param prefix a unique name scope for the gradient ops, such as {@code d_grad}
   */
  static List<Operand<TFloat32>> of(
      Graph graph,
      Ops tf,
      Operand<TFloat32> loss,
      List<Variable<TFloat32>> variables,
      String prefix) {
    // TensorFlow refuses to differentiate a variable the loss cannot reach ("unreachable from the
    // output node"), and one it reaches without a gradient path comes back with a null handle
    // (docs/tensorflow-java.md, trap 2). Both get zeros.
    Set<String> reachable = Dependencies.dataFeeding(loss);
    List<Variable<TFloat32>> connected =
        variables.stream().filter(v -> reachable.contains(v.op().name())).toList();
    List<Operand<TFloat32>> byConnected = new ArrayList<>();
    if (!connected.isEmpty()) {
      Output<?>[] xs = connected.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
      // An explicit dy keeps OnesLike off the gradient path: it has no gradient of its own, which
      // breaks penalties that differentiate through these gradients (trap 1).
      Output<?>[] dy = {tf.withName(prefix + "_seed").constant(1f).asOutput()};
      for (Output<?> g : graph.addGradients(prefix, new Output<?>[] {loss.asOutput()}, xs, dy)) {
        byConnected.add(isNull(g) ? null : g.expect(TFloat32.class));
      }
    }
    List<Operand<TFloat32>> raw = new ArrayList<>(variables.size());
    for (Variable<TFloat32> v : variables) {
      int i = connected.indexOf(v);
      Operand<TFloat32> g = i < 0 ? null : byConnected.get(i);
      raw.add(g == null ? tf.zeros(tf.constant(v.shape()), TFloat32.class) : g);
    }
    Ops afterAll = tf.withControlDependencies(raw.stream().<Op>map(tf::identity).toList());
    return raw.stream().<Operand<TFloat32>>map(afterAll::identity).toList();
  }

  private static boolean isNull(Output<?> gradient) {
    if (gradient == null) {
      return true;
    }
    var handle = ((GraphOperation) gradient.op()).getUnsafeNativeHandle();
    return handle == null || handle.isNull();
  }
}
