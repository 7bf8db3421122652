package org.nashlab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The mean and the unbiased covariance (divided by {@code n - 1}, as {@code numpy.cov}) of feature
 * rows.
 *
 * @param mean one entry per feature
 * @param covariance {@code dimension x dimension}
 */
record FeatureMoments(double[] mean, DMatrixRMaj covariance) {
  static FeatureMoments of(DMatrixRMaj rows) {
    int n = rows.numRows;
    int d = rows.numCols;
    if (n < 2) {
      throw new IllegalArgumentException("a covariance needs at least 2 samples, got " + n);
    }
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += rows.data[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    DMatrixRMaj centred = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred.data[i * d + j] = rows.data[i * d + j] - mean[j];
      }
    }
    DMatrixRMaj covariance = DoublePrecisionOps.gram(centred);
    CommonOps_DDRM.scale(1.0 / (n - 1), covariance);
    return new FeatureMoments(mean, covariance);
  }

  int dimension() {
    return mean.length;
  }
}
