package org.nashlab.datasets;

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
  private static final String IMAGES = "images-idx3";
  private static final String LABELS = "labels-idx1";

  private IdxFolder() {}

  /** The first of {@code folders} that holds the split's images and labels. */
  static Optional<Path> find(List<Path> folders, Split split) {
    return folders.stream().filter(f -> file(f, split, IMAGES).isPresent()).findFirst();
  }

  /**
   * What is wrong with {@code path}, the folder of IDX files the user set for {@code split}, found
   * without reading the files.
   */
  static List<String> problems(String path, Split split) {
    return PathParameter.folderProblems("path", path, folder -> missing(folder, split));
  }

  /**
   * The split's images and labels.
   *
   * @param remedy how to get intact files, the last sentence of the message if one is corrupt
   */
  static ImageSet load(Path folder, Split split, String remedy) {
    List<String> missing = missing(folder, split);
    if (!missing.isEmpty()) {
      throw new EnvironmentException(folder + " lacks " + String.join(", ", missing));
    }
    Path images = file(folder, split, IMAGES).orElseThrow();
    Path labels = file(folder, split, LABELS).orElseThrow();
    IdxFile imageFile = IdxFile.read(images, remedy);
    if (imageFile.dimensions().length != 3) {
      throw BadFile.corrupt(
          images,
          "IDX header declares " + imageFile.shape() + ", not images (count x height x width)",
          remedy);
    }
    IdxFile labelFile = IdxFile.read(labels, remedy);
    if (labelFile.dimensions().length != 1) {
      throw BadFile.corrupt(
          labels, "IDX header declares " + labelFile.shape() + ", not labels (a count)", remedy);
    }
    if (imageFile.count() != labelFile.count()) {
      throw BadFile.corrupt(
          labels,
          "IDX header declares "
              + labelFile.count()
              + " labels but "
              + images
              + " declares "
              + imageFile.count()
              + " images; the two files are not of one set",
          remedy);
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
  }

  /** The split's files that {@code folder} lacks, as {@code train-images-idx3-ubyte[.gz]}. */
  private static List<String> missing(Path folder, Split split) {
    return List.of(IMAGES, LABELS).stream()
        .filter(kind -> file(folder, split, kind).isEmpty())
        .map(kind -> base(split, kind) + "[.gz]")
        .toList();
  }

  private static Optional<Path> file(Path folder, Split split, String kind) {
    String base = base(split, kind);
    return List.of(folder.resolve(base), folder.resolve(base + ".gz")).stream()
        .filter(Files::isRegularFile)
        .findFirst();
  }

  private static String base(Split split, String kind) {
    return (split == Split.TRAIN ? "train" : "t10k") + "-" + kind + "-ubyte";
  }
}
