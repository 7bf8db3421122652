package org.nashlab.variant.seqgan;

import org.nashlab.api.Samples;

/** Token sequences out of the float samples Nash hands metrics. */
final class TokenRows {
  private TokenRows() {}

  static int[][] of(Samples samples) {
    int length = samples.sampleSize();
    int[][] rows = new int[samples.count()][length];
    for (int i = 0; i < rows.length; i++) {
      for (int t = 0; t < length; t++) {
        rows[i][t] = Math.round(samples.values()[i * length + t]);
      }
    }
    return rows;
  }
}
