package org.nashlab.train;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.List;
import org.nashlab.config.ConfigError;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.InvalidConfigException;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;

/**
 * Whether a trial's variables fit this machine before any is allocated: each parameter is checked
 * against its own bound, but a network as wide and as deep as allowed can still need more memory
 * than there is, and would only fail once TensorFlow tried to allocate it. The graph's variables
 * are the weights and the optimizers' slots (Adam's two moments: three floats per weight); training
 * adds a gradient per weight, about a third more.
 */
final class WeightBudget {
  private WeightBudget() {}

  /**
   * @throws InvalidConfigException naming the variant when the variables need more than the
   *     machine's memory
   */
  static void check(Graph graph, ExperimentSpec spec) {
    long bytes = variableBytes(graph);
    long memory = physicalMemory();
    long training = bytes + bytes / 3;
    if (memory > 0 && training > memory) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  spec.file().toString(),
                  "variant",
                  String.format(
                      "the networks' variables (weights and optimizer slots) take %.1f GiB, about"
                          + " %.1f GiB in training with the gradients, more than this machine's"
                          + " %.1f GiB: make the networks narrower or shallower",
                      gib(bytes), gib(training), gib(memory)))));
    }
  }

  /** The bytes of every variable the graph declares, from their static shapes, as floats. */
  static long variableBytes(Graph graph) {
    long bytes = 0;
    for (Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
      GraphOperation op = ops.next();
      if (op.type().equals("VariableV2")) {
        Shape shape = op.output(0).shape();
        long elements = shape.isUnknown() || shape.hasUnknownDimension() ? 0 : shape.size();
        bytes = saturatedAdd(bytes, saturatedMultiply(elements, 4));
      }
    }
    return bytes;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long saturatedMultiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }

  private static double gib(long bytes) {
    return bytes / (double) (1L << 30);
  }
}
