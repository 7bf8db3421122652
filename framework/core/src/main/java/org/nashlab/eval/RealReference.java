package org.nashlab.eval;

import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.IndexedSource;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Samples;

/**
 * The real samples generated ones are compared with: the same in every evaluation and every run of
 * a dataset. A finite set gives the first {@code n} of one fixed shuffle, without replacement;
 * mixtures give {@code n} draws of the mixture from a fixed stream, other endless sources {@code n}
 * draws from it.
 */
public final class RealReference {
  private static final long SEED = 0x5EED_DA7AL;
  private final DataSource data;

  public RealReference(DataSource data) {
    this.data = data;
  }

  /** The source the samples come from. */
  public DataSource source() {
    return data;
  }

  public Samples draw(int n) {
    int size = Math.toIntExact(data.sampleShape().size());
    float[] values = new float[n * size];
    RandomGenerator random = new java.util.SplittableRandom(SEED);
    if (data instanceof IndexedSource indexed) {
      if (n > indexed.size()) {
        throw new IllegalArgumentException(
            "a metric asks for "
                + n
                + " real samples but the dataset holds "
                + indexed.size()
                + "; lower the metric's samples");
      }
      int[] order = indexed.shuffledIndices(random);
      for (int i = 0; i < n; i++) {
        indexed.copy(order[i], values, i);
      }
    } else if (data instanceof MixtureModes mixture) {
      // The mixture itself, also when the trial trains on a fixed set drawn from it.
      mixture.draw(values, n, random);
    } else {
      data.fillBatch(values, n, random);
    }
    return new Samples(n, data.sampleShape(), values);
  }
}
