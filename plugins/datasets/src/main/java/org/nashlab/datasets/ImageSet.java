package org.nashlab.datasets;

import java.util.random.RandomGenerator;
import org.nashlab.api.LabeledSource;
import org.tensorflow.ndarray.Shape;

/**
 * A labelled image set held in memory as one float array, pixels scaled to [-1, 1], height x width
 * x channels per image. Batches walk a fresh random permutation each epoch.
 */
final class ImageSet implements LabeledSource {
  private final float[] pixels;
  private final int[] labels;
  private final Shape imageShape;
  private final int imageSize;
  private final int classes;
  private final int[] order;
  private int cursor;

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
    this.order = new int[labels.length];
    this.cursor = order.length;
  }

  /** Scales a grey level 0..255 to [-1, 1]. */
  static float scale(int level) {
    return level / 127.5f - 1f;
  }

  int size() {
    return labels.length;
  }

  float pixel(int image, int offset) {
    return pixels[image * imageSize + offset];
  }

  int label(int image) {
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

  private void copy(int image, float[] target, int slot) {
    System.arraycopy(pixels, image * imageSize, target, slot * imageSize, imageSize);
  }

  /** The next image of the current epoch; a new epoch reshuffles (Fisher-Yates). */
  private int next(RandomGenerator random) {
    if (cursor == order.length) {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      cursor = 0;
    }
    return order[cursor++];
  }
}
