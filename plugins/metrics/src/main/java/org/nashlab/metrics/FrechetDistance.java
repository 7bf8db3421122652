package org.nashlab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Frechet distance between two Gaussians fitted to feature rows (Heusel et al. 2017, eq. 6):
 * {@code |m1 - m2|^2 + tr(C1) + tr(C2) - 2 tr((C1 C2)^1/2)}.
 *
 * <p>{@code C1 C2} is similar to the symmetric {@code C2^1/2 C1 C2^1/2}, so the trace of its square
 * root is the sum of the square roots of that matrix's eigenvalues: symmetric eigendecompositions
 * instead of a general matrix square root, all in double precision. Eigenvalues that round below
 * zero are taken as zero. {@code C2^1/2} belongs to the reference set, which is the same at every
 * evaluation of a run: {@link Reference} computes it once.
 */
final class FrechetDistance {
  private FrechetDistance() {}

  /** A reference set's moments with the square root of its covariance. */
  record Reference(FeatureMoments moments, DMatrixRMaj covarianceRoot) {
    static Reference of(FeatureMoments moments) {
      return new Reference(moments, DoublePrecisionOps.symmetricSquareRoot(moments.covariance()));
    }
  }

  static double between(FeatureMoments a, FeatureMoments b) {
    return between(a, Reference.of(b));
  }

  static double between(FeatureMoments a, Reference reference) {
    FeatureMoments b = reference.moments();
    if (a.dimension() != b.dimension()) {
      throw new IllegalArgumentException(
          "features of " + a.dimension() + " and " + b.dimension() + " dimensions");
    }
    double meanTerm = 0;
    for (int j = 0; j < a.dimension(); j++) {
      double diff = a.mean()[j] - b.mean()[j];
      meanTerm += diff * diff;
    }
    double traceOfRoot = 0;
    for (double eigenvalue :
        DoublePrecisionOps.sandwichEigenvalues(reference.covarianceRoot(), a.covariance())) {
      traceOfRoot += Math.sqrt(Math.max(eigenvalue, 0));
    }
    return meanTerm
        + CommonOps_DDRM.trace(a.covariance())
        + CommonOps_DDRM.trace(b.covariance())
        - 2 * traceOfRoot;
  }
}
