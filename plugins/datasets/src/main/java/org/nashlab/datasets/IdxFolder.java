package org.nashlab.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nashlab.api.EnvironmentException;
import org.tensorflow.ndarray.Shape;

/**
 * A folder of MNIST-style IDX files: {@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte}, {@code t10k-...}, each optionally gzipped.
 */
final class IdxFolder {
  private IdxFolder() {}

  /** The first of {@code folders} that holds the split's images and labels. */
  static Optional<Path> find(List<Path> folders, Split split) {
    return folders.stream().filter(f -> file(f, split, "images-idx3").isPresent()).findFirst();
  }

  static ImageSet load(Path folder, Split split) {
    Path images = file(folder, split, "images-idx3").orElseThrow(() -> missing(folder, split));
    Path labels = file(folder, split, "labels-idx1").orElseThrow(() -> missing(folder, split));
    try {
      IdxFile imageFile = IdxFile.read(images);
      IdxFile labelFile = IdxFile.read(labels);
      if (imageFile.dimensions().length != 3
          || labelFile.dimensions().length != 1
          || imageFile.count() != labelFile.count()) {
        throw new EnvironmentException(
            images
                + " and "
                + labels
                + " do not match: "
                + imageFile
                + " images, "
                + labelFile
                + " labels; expected [n, height, width] and [n]");
      }
      int n = imageFile.count();
      float[] pixels = new float[imageFile.data().length];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = ImageSet.scale(imageFile.data()[i] & 0xff);
      }
      int[] classes = new int[n];
      int max = 0;
      for (int i = 0; i < n; i++) {
        classes[i] = labelFile.data()[i] & 0xff;
        max = Math.max(max, classes[i]);
      }
      Shape shape = Shape.of(imageFile.dimensions()[1], imageFile.dimensions()[2], 1);
      return new ImageSet(pixels, classes, shape, max + 1);
    } catch (IOException e) {
      throw new EnvironmentException("cannot read " + images + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Path> file(Path folder, Split split, String kind) {
    String base = (split == Split.TRAIN ? "train" : "t10k") + "-" + kind + "-ubyte";
    return List.of(folder.resolve(base), folder.resolve(base + ".gz")).stream()
        .filter(Files::isRegularFile)
        .findFirst();
  }

  private static EnvironmentException missing(Path folder, Split split) {
    return new EnvironmentException(
        folder + " lacks the " + split.name().toLowerCase() + " split's IDX images or labels");
  }
}
