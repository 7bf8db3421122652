package org.nashlab.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.TensorShapeProto;

/**
 * What TensorFlow's full trace of one training step says (the {@link RunMetadata} of each session
 * call the step made): every kernel that ran, its time, and the floating-point operations of its
 * matrix products and convolutions, counted from the shapes the kernels actually saw.
 *
 * <p>The count is the dense one, two operations per multiply-add: a matrix product {@code [M,K] x
 * [K,N]} is {@code 2MNK}; a convolution, its input gradient and its filter gradient are each {@code
 * 2 * elements(T) * kh * kw * Ci}, where {@code T} is the tensor with the convolution's {@code Co}
 * output channels (the output, or the gradient flowing back into it) and the filter is {@code [kh,
 * kw, Ci, Co]}. Elementwise ops, normalisation and the optimizer are not counted: they are a
 * fraction of a percent of a convolutional GAN's operations, though not of its time ({@link
 * #byOp}).
 */
public final class StepTrace {
  /** One kernel run: its node, its op type without oneDNN's prefix, its time, its FLOPs. */
  public record Kernel(String node, String op, long nanos, double flops) {}

  /** The kernels of one op type: how many ran and their total time. */
  public record OpTime(String op, int count, long nanos) {}

  // "[mklcpu 0.8MB 0.8MB] d_grad/Conv2DBackpropFilter = _MklNativeConv2DBackpropFilter(a, b, c)"
  private static final Pattern LABEL =
      Pattern.compile("(?:\\[[^\\]]*\\] )?(\\S+) = ([^(]+)\\((.*)\\)");

  private final List<Kernel> kernels;
  private final int uncounted;

  private StepTrace(List<Kernel> kernels, int uncounted) {
    this.kernels = List.copyOf(kernels);
    this.uncounted = uncounted;
  }

  /** The trace of the session calls {@code calls}, one step's worth. */
  static StepTrace of(List<RunMetadata> calls) {
    List<Kernel> kernels = new ArrayList<>();
    int uncounted = 0;
    // Each call's outputs by node, for the inputs' shapes: node names repeat across calls.
    for (RunMetadata call : calls) {
      Map<String, NodeExecStats> byName = new HashMap<>();
      for (DeviceStepStats device : call.getStepStats().getDevStatsList()) {
        device.getNodeStatsList().forEach(n -> byName.put(n.getNodeName(), n));
      }
      for (DeviceStepStats device : call.getStepStats().getDevStatsList()) {
        for (NodeExecStats node : device.getNodeStatsList()) {
          Matcher label = LABEL.matcher(node.getTimelineLabel());
          String op = label.matches() ? opType(label.group(2)) : "?";
          List<String> inputs = label.matches() ? inputs(label.group(3)) : List.of();
          Optional<Double> flops = flops(op, node, inputs, byName);
          if (flops.isEmpty()) {
            uncounted++;
          }
          kernels.add(
              new Kernel(
                  node.getNodeName(),
                  op,
                  node.getOpEndRelNanos() - node.getOpStartRelNanos(),
                  flops.orElse(0.0)));
        }
      }
    }
    return new StepTrace(kernels, uncounted);
  }

  public List<Kernel> kernels() {
    return kernels;
  }

  /** FLOPs of the step's matrix products and convolutions. */
  public double flops() {
    return kernels.stream().mapToDouble(Kernel::flops).sum();
  }

  /**
   * Matrix products and convolutions whose input shapes the trace did not hold, so their FLOPs are
   * missing from {@link #flops}; 0 when the count is complete.
   */
  public int uncounted() {
    return uncounted;
  }

  /** Time in kernels, summed over both cores' kernels (concurrent kernels add up). */
  public long nanos() {
    return kernels.stream().mapToLong(Kernel::nanos).sum();
  }

  /** Kernel time by op type, the largest first. */
  public List<OpTime> byOp() {
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (Kernel k : kernels) {
      long[] t = totals.computeIfAbsent(k.op(), o -> new long[2]);
      t[0]++;
      t[1] += k.nanos();
    }
    return totals.entrySet().stream()
        .map(e -> new OpTime(e.getKey(), (int) e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparingLong(OpTime::nanos).reversed())
        .toList();
  }

  /** {@code _MklNativeConv2D} and {@code _MklMatMul} are oneDNN's Conv2D and MatMul. */
  static String opType(String kernel) {
    for (String prefix : List.of("_MklNative", "_Mkl", "_")) {
      if (kernel.startsWith(prefix)) {
        return kernel.substring(prefix.length());
      }
    }
    return kernel;
  }

  private static List<String> inputs(String list) {
    return list.isBlank() ? List.of() : List.of(list.split(", "));
  }

  private static boolean counted(String op) {
    return op.contains("MatMul") || op.startsWith("Conv2D") || op.equals("FusedConv2D");
  }

  private static Optional<Double> flops(
      String op, NodeExecStats node, List<String> inputs, Map<String, NodeExecStats> byName) {
    if (!counted(op)) {
      return Optional.of(0.0);
    }
    if (node.getOutputCount() == 0) {
      return Optional.empty();
    }
    TensorShapeProto out = node.getOutput(0).getTensorDescription().getShape();
    if (op.contains("MatMul")) {
      // out [..., M, N] from a [..., M, K], transposed or not: M N K = elements(a) * N.
      return shape(inputs, 0, byName).map(a -> 2.0 * elements(a) * dim(out, -1));
    }
    if (op.equals("Conv2DBackpropFilter")) {
      return shape(inputs, 2, byName).map(dy -> convolution(dy, out));
    }
    if (op.equals("Conv2DBackpropInput")) {
      return shape(inputs, 2, byName)
          .flatMap(dy -> shape(inputs, 1, byName).map(filter -> convolution(dy, filter)));
    }
    return shape(inputs, 1, byName).map(filter -> convolution(out, filter));
  }

  /** {@code 2 * elements(t) * kh * kw * Ci} for the filter {@code [kh, kw, Ci, Co]}. */
  private static double convolution(TensorShapeProto t, TensorShapeProto filter) {
    return 2.0 * elements(t) * (elements(filter) / dim(filter, -1));
  }

  /** The shape of input {@code index}'s tensor, if the trace recorded its producer's output. */
  private static Optional<TensorShapeProto> shape(
      List<String> inputs, int index, Map<String, NodeExecStats> byName) {
    if (index >= inputs.size()) {
      return Optional.empty();
    }
    String input = inputs.get(index);
    int colon = input.lastIndexOf(':');
    String name = colon < 0 ? input : input.substring(0, colon);
    int slot = colon < 0 ? 0 : Integer.parseInt(input.substring(colon + 1));
    NodeExecStats producer = byName.get(name);
    if (producer == null) {
      return Optional.empty();
    }
    return producer.getOutputList().stream()
        .filter(o -> o.getSlot() == slot)
        .findFirst()
        .map(o -> o.getTensorDescription().getShape());
  }

  private static double elements(TensorShapeProto shape) {
    double n = 1;
    for (TensorShapeProto.Dim d : shape.getDimList()) {
      n *= d.getSize();
    }
    return n;
  }

  private static long dim(TensorShapeProto shape, int index) {
    int i = index < 0 ? shape.getDimCount() + index : index;
    return shape.getDim(i).getSize();
  }
}
