package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

class StepTraceTest {
  private static final int BATCH = 8;

  /**
   * A stride-2 convolution 28x28x1 -> 14x14x4 (5x5 filter), then a dense layer 784 -> 3, and the
   * gradients of their sum with respect to the input and both weights: the count must be the closed
   * form, with the batch size known only when the step runs.
   */
  @Test
  void countsTheFlopsOfProductsAndConvolutionsFromTheShapesThatRan() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
      Operand<TFloat32> filter =
          tf.variable(tf.fill(tf.constant(new long[] {5, 5, 1, 4}), tf.constant(0.1f)));
      Operand<TFloat32> weights =
          tf.variable(tf.fill(tf.constant(new long[] {784, 3}), tf.constant(0.1f)));
      Operand<TFloat32> conv = tf.nn.conv2d(x, filter, List.of(1L, 2L, 2L, 1L), "SAME");
      Operand<TFloat32> dense =
          tf.linalg.matMul(tf.reshape(conv, tf.constant(new long[] {-1, 784})), weights);
      Operand<TFloat32> sum = tf.reduceSum(dense, tf.constant(new int[] {0, 1}));
      Output<?>[] gradients =
          graph.addGradients(
              "grad",
              new Output<?>[] {sum.asOutput()},
              new Output<?>[] {x.asOutput(), filter.asOutput(), weights.asOutput()},
              new Output<?>[] {tf.constant(1f).asOutput()});
      try (Session session = new Session(graph, ConfigProto.getDefaultInstance());
          TFloat32 batch = TFloat32.tensorOf(Shape.of(BATCH, 28, 28, 1))) {
        session.initialize();
        Session.Runner runner =
            session
                .runner()
                .feed(x, batch)
                .setOptions(
                    RunOptions.newBuilder()
                        .setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
                        .build());
        for (Output<?> g : gradients) {
          runner.fetch(g);
        }
        try (Result result = runner.runAndFetchMetadata()) {
          RunMetadata metadata = result.getMetadata().orElseThrow();
          StepTrace trace = StepTrace.of(List.of(metadata));

          double convolution = 2.0 * BATCH * 14 * 14 * 4 * (5 * 5 * 1);
          double product = 2.0 * BATCH * 784 * 3;
          // Forward, input gradient and filter gradient of each: three times the forward count.
          assertEquals(3 * (convolution + product), trace.flops(), 1e-6);
          assertEquals(0, trace.uncounted());
          assertTrue(trace.byOp().stream().anyMatch(op -> op.op().equals("Conv2DBackpropFilter")));
        }
      }
    }
  }

  @Test
  void namesOneDnnKernelsByTheirOps() {
    assertEquals("Conv2DBackpropInput", StepTrace.opType("_MklNativeConv2DBackpropInput"));
    assertEquals("MatMul", StepTrace.opType("_MklMatMul"));
    assertEquals("Relu", StepTrace.opType("Relu"));
  }
}
