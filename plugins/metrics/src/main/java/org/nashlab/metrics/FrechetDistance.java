package org.nashlab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Frechet distance between two Gaussians fitted to feature rows (Heusel et al. 2017, eq. 6):
 * {@code |m1 - m2|^2 + tr(C1) + tr(C2) - 2 tr((C1 C2)^1/2)}.
 *
 * <p>{@code C1 C2} is similar to the symmetric {@code C1^1/2 C2 C1^1/2}, so the trace of its square
 * root is the sum of the square roots of that matrix's eigenvalues: two symmetric
 * eigendecompositions instead of a general matrix square root, all in double precision. Eigenvalues
 * that round below zero are taken as zero.
 */
final class FrechetDistance {
  private FrechetDistance() {}

  static double between(FeatureMoments a, FeatureMoments b) {
    if (a.dimension() != b.dimension()) {
      throw new IllegalArgumentException(
          "features of " + a.dimension() + " and " + b.dimension() + " dimensions");
    }
    double meanTerm = 0;
    for (int j = 0; j < a.dimension(); j++) {
      double diff = a.mean()[j] - b.mean()[j];
      meanTerm += diff * diff;
    }
    return meanTerm
        + CommonOps_DDRM.trace(a.covariance())
        + CommonOps_DDRM.trace(b.covariance())
        - 2 * traceOfSquareRootOfProduct(a.covariance(), b.covariance());
  }

  /** {@code tr((A B)^1/2)} for symmetric positive semi-definite A and B. */
  static double traceOfSquareRootOfProduct(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj rootA = squareRoot(a);
    DMatrixRMaj product = new DMatrixRMaj(a.numRows, a.numCols);
    DMatrixRMaj sandwich = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_MT_DDRM.mult(rootA, b, product);
    CommonOps_MT_DDRM.mult(product, rootA, sandwich);
    symmetrise(sandwich);
    double trace = 0;
    for (double eigenvalue : eigenvalues(sandwich, false).values) {
      trace += Math.sqrt(Math.max(eigenvalue, 0));
    }
    return trace;
  }

  /** The symmetric square root {@code V sqrt(L) V^T} of a symmetric PSD matrix. */
  private static DMatrixRMaj squareRoot(DMatrixRMaj symmetric) {
    int n = symmetric.numRows;
    Eigen eigen = eigenvalues(symmetric, true);
    DMatrixRMaj scaled = new DMatrixRMaj(n, n);
    DMatrixRMaj vectors = new DMatrixRMaj(n, n);
    for (int k = 0; k < n; k++) {
      DMatrixRMaj v = eigen.decomposition.getEigenVector(k);
      double root = Math.sqrt(Math.max(eigen.values[k], 0));
      for (int i = 0; i < n; i++) {
        vectors.unsafe_set(i, k, v.get(i));
        scaled.unsafe_set(i, k, v.get(i) * root);
      }
    }
    DMatrixRMaj root = new DMatrixRMaj(n, n);
    CommonOps_MT_DDRM.multTransB(scaled, vectors, root);
    return root;
  }

  private record Eigen(double[] values, EigenDecomposition_F64<DMatrixRMaj> decomposition) {}

  private static Eigen eigenvalues(DMatrixRMaj symmetric, boolean vectors) {
    int n = symmetric.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
    if (!eig.decompose(symmetric.copy())) {
      throw new ArithmeticException(
          "the eigendecomposition of a " + n + "x" + n + " matrix failed");
    }
    double[] values = new double[n];
    for (int k = 0; k < n; k++) {
      values[k] = eig.getEigenvalue(k).getReal();
    }
    return new Eigen(values, eig);
  }

  /** Averages a matrix with its transpose, removing the asymmetry rounding adds. */
  private static void symmetrise(DMatrixRMaj m) {
    int n = m.numRows;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double mean = 0.5 * (m.unsafe_get(i, j) + m.unsafe_get(j, i));
        m.unsafe_set(i, j, mean);
        m.unsafe_set(j, i, mean);
      }
    }
  }
}
