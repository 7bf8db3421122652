package org.nashlab.nn;

import java.util.List;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Minibatch standard deviation (Karras et al. 2018, section 3): the standard deviation of each
 * feature over a group of samples, averaged into one number, appended to every sample of the group
 * as one more feature (or channel, for images). A discriminator that sees it can tell a batch of
 * near-copies from real data, which discourages mode collapse. No variables.
 *
 * <p>The group is the whole batch, or, as the authors' code does ({@code minibatch_stddev_layer},
 * {@code group_size=4}), groups of {@code groupSize} samples: sample {@code i} of a batch of {@code
 * n} belongs to group {@code i mod (n / groupSize)}, and the batch must divide by the group size.
 */
public final class MinibatchStddev implements Network {
  private static final int WHOLE_BATCH = 0;
  private final Ops tf;
  private final int groupSize;

  /** The statistic over the whole batch. */
  public MinibatchStddev(Ops tf) {
    CustomGradients.registerToolkit();
    this.tf = tf;
    this.groupSize = WHOLE_BATCH;
  }

  /**
   * The statistic over groups of {@code groupSize} samples.
   *
   * @throws IllegalArgumentException if the group size is below 1
   */
  public MinibatchStddev(Ops tf, int groupSize) {
    if (groupSize < 1) {
      throw new IllegalArgumentException("group size must be at least 1, got " + groupSize);
    }
    CustomGradients.registerToolkit();
    this.tf = tf;
    this.groupSize = groupSize;
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    int rank = input.shape().numDimensions();
    long[] sample = input.shape().tail().asArray();
    // [G, M, sample...]: the statistic over axis 0, one value per group m of M.
    Operand<TFloat32> grouped =
        groupSize == WHOLE_BATCH
            ? tf.expandDims(input, tf.constant(1))
            : tf.reshape(input, tf.constant(Shape.of(groupSize, -1).append(Shape.of(sample))));
    Operand<TFloat32> centred =
        tf.math.sub(grouped, tf.math.mean(grouped, tf.constant(0), Mean.keepDims(true)));
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.mul(centred, centred), tf.constant(0), Mean.keepDims(true));
    Operand<TFloat32> deviation = tf.math.sqrt(tf.math.add(variance, tf.constant(1e-8f)));
    // [1, M, 1...]: averaged over the sample's features (and pixels).
    Operand<TFloat32> perGroup =
        tf.math.mean(
            deviation, tf.constant(IntStream.range(2, rank + 1).toArray()), Mean.keepDims(true));
    Operand<TFloat32> oneFeature = tf.math.mean(grouped, tf.constant(rank), Mean.keepDims(true));
    Operand<TFloat32> feature = tf.math.add(tf.math.mul(oneFeature, tf.constant(0f)), perGroup);
    long[] withOneFeature = input.shape().asArray();
    withOneFeature[0] = -1;
    withOneFeature[rank - 1] = 1;
    return tf.concat(
        List.of(input, tf.reshape(feature, tf.constant(withOneFeature))), tf.constant(rank - 1));
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return List.of();
  }
}
