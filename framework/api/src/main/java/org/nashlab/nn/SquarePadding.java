package org.nashlab.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Square images, {@code [N, side, side, C]}, brought to the side a network works at (28 to 32 for
 * networks that halve their resolution down to 4) by a border of a fill value, and cropped back:
 * real images are padded on their way into a critic, generated ones cropped on their way out, so
 * that metrics compare samples with the data as it is.
 *
 * @param dataSide the side of the data's images
 * @param networkSide the side the networks work at, at least {@code dataSide}
 */
public record SquarePadding(long dataSide, long networkSide) {
  public SquarePadding {
    if (networkSide < dataSide) {
      throw new IllegalArgumentException(
          "the network side " + networkSide + " is below the data's " + dataSide);
    }
  }

  /** The padding from a square sample shape to the next power of two. */
  public static SquarePadding toPowerOfTwo(Shape sample) {
    long side = sample.get(0);
    long power = 1;
    while (power < side) {
      power <<= 1;
    }
    return new SquarePadding(side, power);
  }

  /** {@code log2} of the network side. */
  public int networkLevel() {
    return Long.numberOfTrailingZeros(networkSide);
  }

  private long before() {
    return (networkSide - dataSide) / 2;
  }

  private long after() {
    return networkSide - dataSide - before();
  }

  /** Data-sized images with a border of {@code fill} around them. */
  public Operand<TFloat32> pad(Ops tf, Operand<TFloat32> images, float fill) {
    if (networkSide == dataSide) {
      return images;
    }
    int b = (int) before();
    int a = (int) after();
    return tf.pad(
        images, tf.constant(new int[][] {{0, 0}, {b, a}, {b, a}, {0, 0}}), tf.constant(fill));
  }

  /** Network-sized images without their border. */
  public Operand<TFloat32> crop(Ops tf, Operand<TFloat32> images) {
    if (networkSide == dataSide) {
      return images;
    }
    int b = (int) before();
    int side = (int) dataSide;
    int channels = (int) images.shape().get(3);
    return tf.slice(
        images,
        tf.constant(new int[] {0, b, b, 0}),
        tf.constant(new int[] {-1, side, side, channels}));
  }
}
