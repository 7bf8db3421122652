package org.nashlab.regularizers;

import org.nashlab.nn.Noise;
import org.nashlab.nn.PerSample;
import org.nashlab.nn.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * The differentiable augmentations of DiffAugment (Zhao et al. 2020, the authors' code), on NHWC
 * image batches, each drawn independently per sample: colour (brightness, saturation, contrast),
 * translation by up to a share of the side with zero fill, and cutout of a square. Gradients flow
 * through every one of them to the images, and twice, for penalties.
 */
final class Augmentations {
  private final Ops tf;
  private final String name;
  private final Seeds seeds;
  private int draws;

  /**
   * @param name a unique flat prefix for the random ops' call counters
   */
  Augmentations(Ops tf, String name, Seeds seeds) {
    this.tf = tf;
    this.name = name;
    this.seeds = seeds;
  }

  /** Checks that {@code batch} holds images, {@code [batch, height, width, channels]}. */
  static void requireImages(Operand<TFloat32> batch, String technique) {
    if (batch.shape().numDimensions() != 4) {
      throw new IllegalArgumentException(
          technique
              + " augments images, [batch, height, width, channels]; this dataset's batches have"
              + " shape "
              + batch.shape());
    }
  }

  /** Random brightness, saturation and contrast. */
  Operand<TFloat32> colour(Operand<TFloat32> x) {
    Operand<TFloat32> brightness = tf.math.sub(perSample(x), tf.constant(0.5f));
    x = tf.math.add(x, brightness);
    Operand<TFloat32> grey = tf.math.mean(x, tf.constant(3), Mean.keepDims(true));
    x = scaledAround(x, grey, tf.math.mul(perSample(x), tf.constant(2f)));
    Operand<TFloat32> average =
        tf.math.mean(x, tf.constant(new int[] {1, 2, 3}), Mean.keepDims(true));
    return scaledAround(x, average, tf.math.add(perSample(x), tf.constant(0.5f)));
  }

  /** Each image mirrored left to right with probability one half. */
  Operand<TFloat32> flip(Operand<TFloat32> x) {
    Operand<TFloat32> keep = tf.math.floor(tf.math.mul(perSample(x), tf.constant(2f)));
    Operand<TFloat32> mirrored = tf.reverse(x, tf.constant(new int[] {2}));
    return tf.math.add(
        tf.math.mul(keep, x), tf.math.mul(tf.math.sub(tf.constant(1f), keep), mirrored));
  }

  /** A shift of each image by up to {@code ratio} of its side on both axes, filled with zeros. */
  Operand<TFloat32> translation(Operand<TFloat32> x, double ratio) {
    long height = x.shape().get(1);
    long width = x.shape().get(2);
    Operand<TFloat32> rows = shiftRows(x, offsets(x, (int) (height * ratio + 0.5)), height);
    Operand<TFloat32> swapped = tf.linalg.transpose(rows, tf.constant(new int[] {0, 2, 1, 3}));
    Operand<TFloat32> columns = shiftRows(swapped, offsets(x, (int) (width * ratio + 0.5)), width);
    return tf.linalg.transpose(columns, tf.constant(new int[] {0, 2, 1, 3}));
  }

  /** Each image with a square of side {@code ratio} of its side set to zero at a random centre. */
  Operand<TFloat32> cutout(Operand<TFloat32> x, double ratio) {
    long height = x.shape().get(1);
    long width = x.shape().get(2);
    Operand<TFloat32> rows = inside(x, height, (int) (height * ratio + 0.5)); // [B, H]
    Operand<TFloat32> columns = inside(x, width, (int) (width * ratio + 0.5)); // [B, W]
    Operand<TFloat32> hole =
        tf.math.mul(
            tf.reshape(rows, tf.constant(new long[] {-1, height, 1, 1})),
            tf.reshape(columns, tf.constant(new long[] {-1, 1, width, 1})));
    return tf.math.mul(x, tf.math.sub(tf.constant(1f), hole));
  }

  /**
   * {@code augmented} for each sample with probability {@code p}, else {@code x}: a per-sample
   * choice, as ADA applies each augmentation (Karras et al. 2020).
   */
  Operand<TFloat32> withProbability(
      Operand<TFloat32> x, Operand<TFloat32> augmented, Operand<TFloat32> p) {
    Operand<TFloat32> chosen = tf.dtypes.cast(tf.math.less(perSample(x), p), TFloat32.class);
    return tf.math.add(
        tf.math.mul(chosen, augmented), tf.math.mul(tf.math.sub(tf.constant(1f), chosen), x));
  }

  /** {@code mean + (x - mean) * factor}. */
  private Operand<TFloat32> scaledAround(
      Operand<TFloat32> x, Operand<TFloat32> mean, Operand<TFloat32> factor) {
    return tf.math.add(tf.math.mul(tf.math.sub(x, mean), factor), mean);
  }

  /** U[0, 1) per sample, shaped {@code [batch, 1, 1, 1]}. */
  private Operand<TFloat32> perSample(Operand<TFloat32> x) {
    return Noise.uniform(tf, PerSample.scalarShape(tf, x), name + "_" + draws++, seeds);
  }

  /** A whole offset in {@code [-limit, limit]} per sample, {@code [batch, 1, 1, 1]}. */
  private Operand<TFloat32> offsets(Operand<TFloat32> x, int limit) {
    return tf.math.sub(
        tf.math.floor(tf.math.mul(perSample(x), tf.constant(2f * limit + 1))),
        tf.constant((float) limit));
  }

  /**
   * {@code out[b, i] = x[b, i - shift_b]}, zero where that row is outside: a per-sample 0/1 shift
   * matrix applied by multiplication and summation, which differentiates any number of times.
   */
  private Operand<TFloat32> shiftRows(Operand<TFloat32> x, Operand<TFloat32> shift, long rows) {
    Operand<TFloat32> index = tf.range(tf.constant(0f), tf.constant((float) rows), tf.constant(1f));
    Operand<TFloat32> source =
        tf.math.sub(
            tf.reshape(index, tf.constant(new long[] {1, rows, 1})),
            tf.reshape(shift, tf.constant(new long[] {-1, 1, 1})));
    Operand<TFloat32> matrix =
        tf.dtypes.cast(
            tf.math.equal(source, tf.reshape(index, tf.constant(new long[] {1, 1, rows}))),
            TFloat32.class); // [B, rows, rows]
    Operand<TFloat32> spread =
        tf.math.mul(
            tf.expandDims(tf.expandDims(matrix, tf.constant(-1)), tf.constant(-1)),
            tf.expandDims(x, tf.constant(1))); // [B, rows, rows, W, C]
    return tf.reduceSum(spread, tf.constant(2));
  }

  /**
   * 1 where index {@code i} of a side of {@code length} lies in a random window of {@code size}.
   */
  private Operand<TFloat32> inside(Operand<TFloat32> x, long length, int size) {
    Operand<TFloat32> centre =
        tf.reshape(
            tf.math.floor(tf.math.mul(perSample(x), tf.constant((float) length))),
            tf.constant(new long[] {-1, 1}));
    Operand<TFloat32> start = tf.math.sub(centre, tf.constant((float) (size / 2)));
    Operand<TFloat32> index =
        tf.reshape(
            tf.range(tf.constant(0f), tf.constant((float) length), tf.constant(1f)),
            tf.constant(new long[] {1, length}));
    Operand<TFloat32> after = tf.dtypes.cast(tf.math.greaterEqual(index, start), TFloat32.class);
    Operand<TFloat32> before =
        tf.dtypes.cast(
            tf.math.less(index, tf.math.add(start, tf.constant((float) size))), TFloat32.class);
    return tf.math.mul(after, before);
  }
}
