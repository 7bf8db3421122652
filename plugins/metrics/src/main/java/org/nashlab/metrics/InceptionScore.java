package org.nashlab.metrics;

/**
 * The Inception Score (Salimans et al. 2016): {@code exp(E_x KL(p(y|x) || p(y)))}, computed on
 * {@code splits} equal consecutive parts of the samples, reported as the parts' mean and standard
 * deviation (as the authors' code does). {@code p(y)} is each part's mean prediction.
 */
final class InceptionScore {
  /**
   * @param mean the mean over the splits
   * @param std the population standard deviation over the splits
   */
  record Score(double mean, double std) {}

  private InceptionScore() {}

  static Score of(float[] probabilities, int count, int classes, int splits) {
    if (count < splits) {
      throw new IllegalArgumentException(count + " samples cannot make " + splits + " splits");
    }
    double[] scores = new double[splits];
    for (int s = 0; s < splits; s++) {
      int from = s * count / splits;
      int to = (s + 1) * count / splits;
      scores[s] = Math.exp(meanKlToMarginal(probabilities, from, to, classes));
    }
    double mean = 0;
    for (double score : scores) {
      mean += score;
    }
    mean /= splits;
    double squares = 0;
    for (double score : scores) {
      squares += (score - mean) * (score - mean);
    }
    return new Score(mean, Math.sqrt(squares / splits));
  }

  private static double meanKlToMarginal(float[] p, int from, int to, int classes) {
    double[] marginal = new double[classes];
    for (int i = from; i < to; i++) {
      for (int c = 0; c < classes; c++) {
        marginal[c] += p[i * classes + c];
      }
    }
    for (int c = 0; c < classes; c++) {
      marginal[c] /= to - from;
    }
    double kl = 0;
    for (int i = from; i < to; i++) {
      for (int c = 0; c < classes; c++) {
        double pc = p[i * classes + c];
        if (pc > 0) {
          kl += pc * (Math.log(pc) - Math.log(marginal[c]));
        }
      }
    }
    return kl / (to - from);
  }
}
