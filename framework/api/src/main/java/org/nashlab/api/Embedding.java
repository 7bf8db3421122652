package org.nashlab.api;

import static java.util.Objects.requireNonNull;

/**
 * Samples seen through a feature network: a feature row per sample and, for classifiers, a row of
 * class probabilities.
 *
 * @param count how many samples
 * @param dimension features per sample
 * @param features {@code count x dimension}, row-major
 * @param classes probabilities per sample; 0 when the network is not a classifier
 * @param probabilities {@code count x classes}, row-major, each row summing to 1
 */
public record Embedding(
    int count, int dimension, float[] features, int classes, float[] probabilities) {
  public Embedding {
    requireNonNull(features, "features");
    requireNonNull(probabilities, "probabilities");
    if (features.length != (long) count * dimension) {
      throw new IllegalArgumentException(
          features.length + " features do not make " + count + " rows of " + dimension);
    }
    if (probabilities.length != (long) count * classes) {
      throw new IllegalArgumentException(
          probabilities.length + " probabilities do not make " + count + " rows of " + classes);
    }
  }

  /** The first {@code n} rows. */
  public Embedding first(int n) {
    if (n > count) {
      throw new IllegalArgumentException("asked for " + n + " of " + count + " embedded samples");
    }
    return n == count
        ? this
        : new Embedding(
            n,
            dimension,
            java.util.Arrays.copyOf(features, n * dimension),
            classes,
            java.util.Arrays.copyOf(probabilities, n * classes));
  }
}
