package org.nashlab.metrics;

import org.ejml.data.DMatrixRMaj;

/** Feature rows widened to double precision, one sample per row. */
final class FeatureRows {
  private FeatureRows() {}

  static DMatrixRMaj of(float[] values, int rows, int columns) {
    DMatrixRMaj matrix = new DMatrixRMaj(rows, columns);
    double[] data = matrix.data;
    for (int i = 0; i < rows * columns; i++) {
      data[i] = values[i];
    }
    return matrix;
  }
}
