package org.nashlab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * The Kernel Inception Distance (Binkowski et al. 2018): the unbiased estimator of the squared MMD
 * under the cubic polynomial kernel {@code k(x, y) = (x.y / d + 1)^3}, computed on disjoint blocks
 * of {@code blockSize} rows of each set; the estimate is the blocks' mean and its standard error
 * their sample standard deviation over the square root of their number.
 */
final class KernelDistance {
  /**
   * @param mean the mean of the block estimates
   * @param standardError their standard deviation (n - 1) over the square root of their count
   * @param blocks how many blocks were used
   */
  record Estimate(double mean, double standardError, int blocks) {}

  private KernelDistance() {}

  static Estimate polynomial(DMatrixRMaj x, DMatrixRMaj y, int blockSize) {
    int blocks = Math.min(x.numRows, y.numRows) / blockSize;
    if (blocks < 2) {
      throw new IllegalArgumentException(
          "KID needs at least 2 blocks of "
              + blockSize
              + " samples of each set; got "
              + x.numRows
              + " and "
              + y.numRows);
    }
    double[] estimates = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      estimates[b] = unbiasedMmd2(rows(x, b, blockSize), rows(y, b, blockSize));
    }
    double mean = 0;
    for (double e : estimates) {
      mean += e;
    }
    mean /= blocks;
    double squares = 0;
    for (double e : estimates) {
      squares += (e - mean) * (e - mean);
    }
    double std = Math.sqrt(squares / (blocks - 1));
    return new Estimate(mean, std / Math.sqrt(blocks), blocks);
  }

  /** Gretton et al. 2012, eq. 3, with the polynomial kernel. */
  static double unbiasedMmd2(DMatrixRMaj x, DMatrixRMaj y) {
    int m = x.numRows;
    int n = y.numRows;
    double xx = offDiagonalSum(kernel(x, x));
    double yy = offDiagonalSum(kernel(y, y));
    double xy = CommonOps_DDRM.elementSum(kernel(x, y));
    return xx / ((double) m * (m - 1)) + yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
  }

  private static DMatrixRMaj kernel(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj k = new DMatrixRMaj(a.numRows, b.numRows);
    CommonOps_MT_DDRM.multTransB(a, b, k);
    double scale = 1.0 / a.numCols;
    for (int i = 0; i < k.data.length; i++) {
      double base = k.data[i] * scale + 1;
      k.data[i] = base * base * base;
    }
    return k;
  }

  private static double offDiagonalSum(DMatrixRMaj k) {
    return CommonOps_DDRM.elementSum(k) - CommonOps_DDRM.trace(k);
  }

  private static DMatrixRMaj rows(DMatrixRMaj m, int block, int blockSize) {
    DMatrixRMaj rows = new DMatrixRMaj(blockSize, m.numCols);
    System.arraycopy(m.data, block * blockSize * m.numCols, rows.data, 0, blockSize * m.numCols);
    return rows;
  }
}
