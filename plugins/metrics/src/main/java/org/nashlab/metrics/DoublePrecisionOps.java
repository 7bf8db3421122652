package org.nashlab.metrics;

import java.util.function.BiFunction;
import org.ejml.data.DMatrixRMaj;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.SelfAdjointEig;
import org.tensorflow.types.TFloat64;

/**
 * The large double-precision products and symmetric eigendecompositions of FID, run by TensorFlow's
 * float64 kernels (Eigen, multithreaded). Measured on 2 cores for 10,000 x 2048 features: the
 * covariance in 1.2 s against EJML's 17 s, the eigenvalues of a 2048 x 2048 matrix in 0.7 s against
 * 5.2 s. Matrices go in and out as EJML's {@link DMatrixRMaj}.
 */
final class DoublePrecisionOps {
  private DoublePrecisionOps() {}

  /** {@code A^T A} of an {@code n x d} matrix. */
  static DMatrixRMaj gram(DMatrixRMaj a) {
    return run(a, null, (tf, x) -> tf.linalg.matMul(x.get(0), x.get(0), MatMul.transposeA(true)));
  }

  /** The symmetric square root {@code V sqrt(max(L, 0)) V^T} of a symmetric matrix. */
  static DMatrixRMaj symmetricSquareRoot(DMatrixRMaj symmetric) {
    return run(
        symmetric,
        null,
        (tf, x) -> {
          SelfAdjointEig<TFloat64> eig =
              tf.linalg.selfAdjointEig(x.get(0), SelfAdjointEig.computeV(true));
          Operand<TFloat64> roots = tf.math.sqrt(tf.math.maximum(eig.e(), tf.constant(0.0)));
          Operand<TFloat64> scaled = tf.math.mul(eig.v(), roots);
          return tf.linalg.matMul(scaled, eig.v(), MatMul.transposeB(true));
        });
  }

  /** The eigenvalues of {@code R M R} for symmetric {@code R} and {@code M}, symmetrised first. */
  static double[] sandwichEigenvalues(DMatrixRMaj r, DMatrixRMaj m) {
    DMatrixRMaj values =
        run(
            r,
            m,
            (tf, x) -> {
              Operand<TFloat64> product =
                  tf.linalg.matMul(tf.linalg.matMul(x.get(0), x.get(1)), x.get(0));
              Operand<TFloat64> symmetric =
                  tf.math.mul(
                      tf.math.add(
                          product, tf.linalg.transpose(product, tf.constant(new int[] {1, 0}))),
                      tf.constant(0.5));
              return tf.linalg.selfAdjointEig(symmetric, SelfAdjointEig.computeV(false)).e();
            });
    return values.data;
  }

  private static DMatrixRMaj run(
      DMatrixRMaj first,
      DMatrixRMaj second,
      BiFunction<Ops, java.util.List<Placeholder<TFloat64>>, Operand<TFloat64>> build) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      java.util.List<Placeholder<TFloat64>> inputs = new java.util.ArrayList<>();
      inputs.add(tf.placeholder(TFloat64.class));
      if (second != null) {
        inputs.add(tf.placeholder(TFloat64.class));
      }
      Operand<TFloat64> output = build.apply(tf, inputs);
      try (TFloat64 a = tensor(first);
          TFloat64 b = second == null ? null : tensor(second)) {
        var runner = session.runner().feed(inputs.get(0), a).fetch(output);
        if (b != null) {
          runner.feed(inputs.get(1), b);
        }
        try (var result = runner.run()) {
          TFloat64 out = (TFloat64) result.get(0);
          int rows = (int) out.shape().get(0);
          int columns = out.shape().numDimensions() > 1 ? (int) out.shape().get(1) : 1;
          DMatrixRMaj matrix = new DMatrixRMaj(rows, columns);
          out.copyTo(DataBuffers.of(matrix.data, false, false));
          return matrix;
        }
      }
    }
  }

  private static TFloat64 tensor(DMatrixRMaj m) {
    return TFloat64.tensorOf(Shape.of(m.numRows, m.numCols), DataBuffers.of(m.data, true, false));
  }
}
