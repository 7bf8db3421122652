package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import org.tensorflow.ndarray.Shape;

/**
 * What one sample of a data stream looks like: its shape and whether it carries a class label.
 *
 * @param shape the shape of one sample, without the batch dimension: {@code [2]} for points in the
 *     plane, {@code [28, 28, 1]} for grey 28x28 images
 * @param labelled whether samples carry class labels ({@link LabeledSource}); how many classes
 *     there are is known once the data is open ({@link VariantContext#classes(String)})
 */
public record SampleFormat(Shape shape, boolean labelled) {
  public SampleFormat {
    requireNonNull(shape, "shape");
  }

  /** The format of an open source's samples. */
  public static SampleFormat of(DataSource source) {
    return new SampleFormat(source.sampleShape(), source instanceof LabeledSource);
  }

  /** Unlabelled samples of {@code shape}. */
  public static SampleFormat unlabelled(long... shape) {
    return new SampleFormat(Shape.of(shape), false);
  }

  /** Labelled samples of {@code shape}. */
  public static SampleFormat labelled(long... shape) {
    return new SampleFormat(Shape.of(shape), true);
  }

  /** Whether samples are images, {@code [height, width, channels]}. */
  public boolean image() {
    return shape.numDimensions() == 3;
  }

  /** An image's channels (1 grey, 3 RGB); 0 if the samples are not images. */
  public long channels() {
    return image() ? shape.get(2) : 0;
  }
}
