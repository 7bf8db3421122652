package org.nashlab.datasets;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.ParamChecks;
import org.tensorflow.ndarray.Shape;

/**
 * A finite training set drawn once from a Gaussian mixture, as PacGAN's experiments train on
 * 100,000 fixed points: the set depends only on the dataset seed, and batches come from it {@link
 * Sampling#EPOCHS in epochs} or {@link Sampling#UNIFORM uniformly}. Each epoch's shuffle depends
 * only on the seed and the epoch's number, so the place in the epochs is the whole state a
 * checkpoint keeps. Evaluation still compares with the mixture itself ({@link MixtureModes}).
 */
final class FixedMixtureSet implements DataSource, MixtureModes {
  private static final String POSITION = "position";
  private final MixtureModes mixture;
  private final float[] points;
  private final int size;
  private final Sampling sampling;
  private final long shuffleSeed;
  private long position;
  private long shuffledEpoch = -1;
  private int[] order;

  /**
   * {@code size} is 0 (fresh samples) or a set's size; {@code sampling} other than the default
   * needs a set, since fresh samples have no order to keep.
   */
  static void checkSampling(int size, Sampling sampling) {
    ParamChecks.nonNegative(size, "size");
    if (size == 0 && sampling != Sampling.EPOCHS) {
      throw new IllegalArgumentException(
          "sampling applies to a fixed set; set size (PacGAN: 100000) or leave sampling out");
    }
  }

  FixedMixtureSet(MixtureModes mixture, int size, Sampling sampling, long seed) {
    this.mixture = mixture;
    this.size = size;
    this.sampling = sampling;
    this.points = new float[2 * size];
    SplittableRandom random = new SplittableRandom(seed);
    this.shuffleSeed = random.split().nextLong();
    mixture.draw(points, size, random);
  }

  @Override
  public Shape sampleShape() {
    return Shape.of(2);
  }

  @Override
  public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
    for (int i = 0; i < batchSize; i++) {
      int point = sampling == Sampling.UNIFORM ? random.nextInt(size) : nextInEpoch();
      target[2 * i] = points[2 * point];
      target[2 * i + 1] = points[2 * point + 1];
    }
  }

  private int nextInEpoch() {
    long epoch = position / size;
    if (epoch != shuffledEpoch) {
      order = shuffle(epoch);
      shuffledEpoch = epoch;
    }
    return order[(int) (position++ % size)];
  }

  /** Epoch {@code epoch}'s order: a Fisher-Yates shuffle seeded by the set's seed and the epoch. */
  private int[] shuffle(long epoch) {
    RandomGenerator random =
        new SplittableRandom(new SplittableRandom(shuffleSeed + epoch).nextLong());
    int[] shuffled = new int[size];
    for (int i = 0; i < size; i++) {
      shuffled[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }
    return shuffled;
  }

  @Override
  public Map<String, String> state() {
    return sampling == Sampling.EPOCHS ? Map.of(POSITION, Long.toString(position)) : Map.of();
  }

  @Override
  public void restore(Map<String, String> state) {
    if (state.containsKey(POSITION)) {
      position = Long.parseLong(state.get(POSITION));
    }
  }

  /** The set's samples, {@code x, y} after one another. */
  float[] points() {
    return points.clone();
  }

  @Override
  public List<double[]> modes() {
    return mixture.modes();
  }

  @Override
  public double std() {
    return mixture.std();
  }
}
