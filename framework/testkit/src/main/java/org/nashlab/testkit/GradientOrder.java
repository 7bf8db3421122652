package org.nashlab.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashlab.nn.Joins;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.proto.NodeDef;

/**
 * Whether the gradient of a loss will be built in the same order in every process, and so give
 * bit-identical runs: TensorFlow's gradient builder visits the inputs of an op with more than
 * {@value Joins#MAX_INPUTS} inputs in a pointer-hashed order, which reorders the sums of every
 * gradient after it (docs/tensorflow-java.md, trap 10). {@link #wideOps} lists such ops on the
 * builder's path, from the variables to the loss; {@link Joins} builds stacks and concatenations
 * that stay off that list.
 *
 * <pre>{@code
 * assertEquals(List.of(), GradientOrder.wideOps(g.graph, loss, generator.variables()));
 * }</pre>
 */
public final class GradientOrder {
  private GradientOrder() {}

  /**
   * The ops the builder visits for {@code d loss / d variables} (those the loss depends on that
   * depend on a variable) with more than {@link Joins#MAX_INPUTS} inputs, control inputs included:
   * "name (Op, n inputs)", in graph order; empty when the gradient's order is fixed.
   */
  public static List<String> wideOps(
      Graph graph, Operand<?> loss, List<? extends Operand<?>> variables) {
    Map<String, NodeDef> nodes = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (NodeDef n : graph.toGraphDef().getNodeList()) {
      nodes.put(n.getName(), n);
      order.add(n.getName());
    }
    Set<String> sources = new HashSet<>();
    variables.forEach(v -> sources.add(v.op().name()));
    Set<String> onPath = ancestorsDependingOn(nodes, loss.op().name(), sources);
    List<String> wide = new ArrayList<>();
    for (String name : order) {
      NodeDef n = nodes.get(name);
      if (onPath.contains(name) && n.getInputCount() > Joins.MAX_INPUTS) {
        wide.add(name + " (" + n.getOp() + ", " + n.getInputCount() + " inputs)");
      }
    }
    return wide;
  }

  /** The data ancestors of {@code loss}, itself included, that depend on one of {@code sources}. */
  private static Set<String> ancestorsDependingOn(
      Map<String, NodeDef> nodes, String loss, Set<String> sources) {
    Set<String> ancestors = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(loss));
    while (!queue.isEmpty()) {
      String name = queue.pop();
      if (ancestors.add(name)) {
        dataInputs(nodes.get(name)).forEach(queue::push);
      }
    }
    Map<String, Boolean> depends = new HashMap<>();
    Set<String> onPath = new HashSet<>();
    for (String name : ancestors) {
      if (dependsOn(nodes, name, sources, depends)) {
        onPath.add(name);
      }
    }
    return onPath;
  }

  private static boolean dependsOn(
      Map<String, NodeDef> nodes, String start, Set<String> sources, Map<String, Boolean> memo) {
    // Iterative post-order, so an unrolled network thousands of ops deep does not overflow.
    Deque<String> stack = new ArrayDeque<>(List.of(start));
    while (!stack.isEmpty()) {
      String name = stack.peek();
      if (memo.containsKey(name)) {
        stack.pop();
        continue;
      }
      List<String> pending =
          dataInputs(nodes.get(name)).stream().filter(i -> !memo.containsKey(i)).toList();
      if (!sources.contains(name) && !pending.isEmpty()) {
        pending.forEach(stack::push);
        continue;
      }
      stack.pop();
      memo.put(
          name,
          sources.contains(name)
              || dataInputs(nodes.get(name)).stream().anyMatch(i -> memo.get(i)));
    }
    return memo.get(start);
  }

  private static List<String> dataInputs(NodeDef node) {
    return node.getInputList().stream()
        .filter(i -> !i.startsWith("^"))
        .map(i -> i.contains(":") ? i.substring(0, i.indexOf(':')) : i)
        .toList();
  }
}
