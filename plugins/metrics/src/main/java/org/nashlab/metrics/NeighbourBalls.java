package org.nashlab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Balls around feature rows reaching their k-th nearest neighbour, the manifold estimate behind
 * precision/recall (Kynkaanniemi et al. 2019) and density/coverage (Naeem et al. 2020). Distances
 * are computed a block of rows at a time, so 10,000 x 10,000 pairs never sit in memory at once.
 */
final class NeighbourBalls {
  private static final int BLOCK = 256;
  private final DMatrixRMaj centres;
  private final double[] squaredRadii;

  private NeighbourBalls(DMatrixRMaj centres, double[] squaredRadii) {
    this.centres = centres;
    this.squaredRadii = squaredRadii;
  }

  /**
   * Each row's ball reaches its k-th nearest other row; like the authors' code, the row itself is
   * the 0-th neighbour.
   */
  static NeighbourBalls around(DMatrixRMaj rows, int k) {
    if (k >= rows.numRows) {
      throw new IllegalArgumentException(
          "k = " + k + " needs more than " + k + " samples, got " + rows.numRows);
    }
    double[] radii = new double[rows.numRows];
    forEachBlock(
        rows,
        rows,
        (first, block) -> {
          double[] smallest = new double[k + 1];
          for (int r = 0; r < block.numRows; r++) {
            java.util.Arrays.fill(smallest, Double.POSITIVE_INFINITY);
            for (int c = 0; c < block.numCols; c++) {
              keepSmallest(smallest, block.unsafe_get(r, c));
            }
            radii[first + r] = smallest[k];
          }
        });
    return new NeighbourBalls(rows, radii);
  }

  /**
   * Which queries fall in which balls.
   *
   * @param ballsHolding per query, how many balls contain it
   * @param hasQuery per ball, whether any query falls in it
   */
  record Membership(int[] ballsHolding, boolean[] hasQuery) {
    /** The fraction of queries inside at least one ball. */
    double queriesInside() {
      long inside = java.util.Arrays.stream(ballsHolding).filter(c -> c > 0).count();
      return (double) inside / ballsHolding.length;
    }

    /** The fraction of balls holding at least one query. */
    double ballsReached() {
      int reached = 0;
      for (boolean b : hasQuery) {
        reached += b ? 1 : 0;
      }
      return (double) reached / hasQuery.length;
    }

    long totalMemberships() {
      long total = 0;
      for (int c : ballsHolding) {
        total += c;
      }
      return total;
    }
  }

  Membership membership(DMatrixRMaj queries) {
    int[] holding = new int[queries.numRows];
    boolean[] reached = new boolean[centres.numRows];
    forEachBlock(
        queries,
        centres,
        (first, block) -> {
          for (int r = 0; r < block.numRows; r++) {
            int count = 0;
            for (int c = 0; c < block.numCols; c++) {
              if (block.unsafe_get(r, c) <= squaredRadii[c]) {
                count++;
                reached[c] = true;
              }
            }
            holding[first + r] = count;
          }
        });
    return new Membership(holding, reached);
  }

  private interface BlockConsumer {
    void accept(int firstRow, DMatrixRMaj squaredDistances);
  }

  /** Squared distances from each block of {@code a}'s rows to every row of {@code b}. */
  private static void forEachBlock(DMatrixRMaj a, DMatrixRMaj b, BlockConsumer consumer) {
    int d = a.numCols;
    double[] bNorms = squaredNorms(b);
    for (int first = 0; first < a.numRows; first += BLOCK) {
      int rows = Math.min(BLOCK, a.numRows - first);
      DMatrixRMaj block = new DMatrixRMaj(rows, d);
      System.arraycopy(a.data, first * d, block.data, 0, rows * d);
      double[] aNorms = squaredNorms(block);
      DMatrixRMaj distances = new DMatrixRMaj(rows, b.numRows);
      CommonOps_MT_DDRM.multTransB(-2, block, b, distances);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < b.numRows; c++) {
          int at = r * b.numRows + c;
          distances.data[at] = Math.max(0, distances.data[at] + aNorms[r] + bNorms[c]);
        }
      }
      consumer.accept(first, distances);
    }
  }

  private static double[] squaredNorms(DMatrixRMaj m) {
    double[] norms = new double[m.numRows];
    for (int r = 0; r < m.numRows; r++) {
      double sum = 0;
      for (int c = 0; c < m.numCols; c++) {
        double v = m.data[r * m.numCols + c];
        sum += v * v;
      }
      norms[r] = sum;
    }
    return norms;
  }

  /** Inserts {@code value} into the ascending array of the smallest values seen so far. */
  private static void keepSmallest(double[] smallest, double value) {
    int last = smallest.length - 1;
    if (value >= smallest[last]) {
      return;
    }
    int i = last;
    while (i > 0 && smallest[i - 1] > value) {
      smallest[i] = smallest[i - 1];
      i--;
    }
    smallest[i] = value;
  }
}
