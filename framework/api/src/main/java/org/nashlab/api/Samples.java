package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import org.tensorflow.ndarray.Shape;

/**
 * A batch of samples held in one array, one sample after the other in row-major order.
 *
 * @param count how many samples
 * @param shape the shape of one sample
 * @param values {@code count * shape.size()} numbers
 */
public record Samples(int count, Shape shape, float[] values) {
  public Samples {
    requireNonNull(shape, "shape");
    requireNonNull(values, "values");
    if (values.length != (long) count * shape.size()) {
      throw new IllegalArgumentException(
          values.length + " values do not make " + count + " samples of shape " + shape);
    }
  }

  /** The size of one sample. */
  public int sampleSize() {
    return Math.toIntExact(shape.size());
  }

  /** The first {@code n} samples. */
  public Samples first(int n) {
    if (n > count) {
      throw new IllegalArgumentException("asked for " + n + " of " + count + " samples");
    }
    return n == count
        ? this
        : new Samples(n, shape, java.util.Arrays.copyOf(values, n * sampleSize()));
  }
}
