package org.nashlab.datasets;

import java.util.random.RandomGenerator;
import org.nashlab.api.IndexedSource;
import org.tensorflow.ndarray.Shape;

/**
 * A labelled image set held in memory as one float array, pixels scaled to [-1, 1], height x width
 * x channels per image. Each batch draws its images uniformly, with replacement, from the trial's
 * data stream: the stream's position is the whole sampling state, so a checkpoint resumes the same
 * sequence of batches.
 */
final class ImageSet implements IndexedSource {
  /** The longest array a JVM allocates: the most pixel values an image set holds. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final float[] pixels;
  private final int[] labels;
  private final Shape imageShape;
  private final int imageSize;
  private final int classes;

  ImageSet(float[] pixels, int[] labels, Shape imageShape, int classes) {
    this.imageSize = Math.toIntExact(imageShape.size());
    if (pixels.length != labels.length * imageSize) {
      throw new IllegalArgumentException(
          pixels.length
              + " pixels do not make "
              + labels.length
              + " images of shape "
              + imageShape);
    }
    this.pixels = pixels;
    this.labels = labels;
    this.imageShape = imageShape;
    this.classes = classes;
  }

  /**
   * The same images colour-inverted, labels kept: every pixel {@code x} becomes {@code -x}, which
   * is grey level {@code 255 - p} on the [-1, 1] scale.
   */
  ImageSet inverted() {
    float[] negated = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      negated[i] = -pixels[i];
    }
    return new ImageSet(negated, labels, imageShape, classes);
  }

  /** Scales a grey level 0..255 to [-1, 1]. */
  static float scale(int level) {
    return level / 127.5f - 1f;
  }

  @Override
  public int size() {
    return labels.length;
  }

  float pixel(int image, int offset) {
    return pixels[image * imageSize + offset];
  }

  @Override
  public int label(int image) {
    return labels[image];
  }

  @Override
  public Shape sampleShape() {
    return imageShape;
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
    for (int i = 0; i < batchSize; i++) {
      copy(next(random), target, i);
    }
  }

  @Override
  public void fillBatch(float[] target, int[] batchLabels, int batchSize, RandomGenerator random) {
    for (int i = 0; i < batchSize; i++) {
      int image = next(random);
      copy(image, target, i);
      batchLabels[i] = labels[image];
    }
  }

  @Override
  public void copy(int image, float[] target, int slot) {
    System.arraycopy(pixels, image * imageSize, target, slot * imageSize, imageSize);
  }

  private int next(RandomGenerator random) {
    return random.nextInt(labels.length);
  }
}
