package org.nashlab.nn;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.nn.AvgPool;
import org.tensorflow.op.nn.MaxPoolGradGrad;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Gradients of the pooling-gradient ops, so that penalties train critics that pool. */
final class PoolingGradients {
  private PoolingGradients() {}

  static void register() {
    // AvgPoolGrad(shape, dy) spreads each dy evenly over its window: linear in dy, and its adjoint
    // is the average pool itself with the same windows.
    CustomGradients.register(
        "AvgPoolGrad",
        (tf, op, upstream) -> {
          Operand<TFloat32> g = upstream.get(0).expect(TFloat32.class);
          return List.of(
              tf.zerosLike(op.input(0)),
              tf.nn.avgPool(
                  g,
                  longs(op, "ksize"),
                  longs(op, "strides"),
                  op.attributes().getAttrString("padding"),
                  AvgPool.dataFormat(op.attributes().getAttrString("data_format"))));
        });
    // MaxPoolGradV2(x, y, dy, ksize, strides) routes each dy to its window's maximum: linear in dy
    // (its derivative there is MaxPoolGradGrad, as in TensorFlow's Python gradients) and flat in x
    // and y almost everywhere.
    CustomGradients.register(
        "MaxPoolGradV2",
        (tf, op, upstream) -> {
          Operand<TFloat32> x = op.input(0).expect(TFloat32.class);
          Operand<TFloat32> y = op.input(1).expect(TFloat32.class);
          Operand<TInt32> ksize = op.input(3).expect(TInt32.class);
          Operand<TInt32> strides = op.input(4).expect(TInt32.class);
          return List.of(
              tf.zerosLike(x),
              tf.zerosLike(y),
              tf.nn.maxPoolGradGrad(
                  x,
                  y,
                  upstream.get(0).expect(TFloat32.class),
                  ksize,
                  strides,
                  op.attributes().getAttrString("padding"),
                  MaxPoolGradGrad.dataFormat(op.attributes().getAttrString("data_format"))),
              tf.zerosLike(ksize),
              tf.zerosLike(strides));
        });
  }

  private static List<Long> longs(GraphOperation op, String attribute) {
    return Arrays.stream(op.attributes().getAttrIntList(attribute)).boxed().toList();
  }
}
