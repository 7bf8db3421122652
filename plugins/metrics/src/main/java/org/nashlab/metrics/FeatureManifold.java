package org.nashlab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.nashlab.api.Embedding;

/**
 * Feature rows with their k-NN balls, an estimate of the manifold the samples lie on.
 *
 * @param rows the features, one sample per row
 * @param balls each row's ball
 */
record FeatureManifold(DMatrixRMaj rows, NeighbourBalls balls) {
  static FeatureManifold of(Embedding e, int k) {
    DMatrixRMaj rows = FeatureRows.of(e.features(), e.count(), e.dimension());
    return new FeatureManifold(rows, NeighbourBalls.around(rows, k));
  }
}
