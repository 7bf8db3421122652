package org.nashlab.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EnvironmentException;
import org.tensorflow.ndarray.Shape;

/**
 * CIFAR-10 (Krizhevsky 2009) in its binary format: {@code data_batch_1.bin} to {@code _5} and
 * {@code test_batch.bin}, each record one label byte then 3072 bytes, the red, green and blue 32x32
 * planes in turn. No registry ships it: users download it themselves.
 */
@Doc("CIFAR-10, 32x32x3, 10 classes, from the binary batches in dataset.path (Krizhevsky 2009)")
public final class Cifar10Dataset implements Dataset {
  static final int SIDE = 32;
  static final int PLANE = SIDE * SIDE;
  static final int RECORD = 1 + 3 * PLANE;

  public record Params(
      @Doc(
              "folder with data_batch_N.bin and test_batch.bin; empty uses"
                  + " NASH_HOME/data/cifar-10-batches-bin")
          @Default("")
          String path,
      @Doc("train (5 batches, 50,000 images) or test (10,000)") @Default("train") Split split) {}

  private final Params params;

  public Cifar10Dataset(Params params) {
    this.params = params;
  }

  @Override
  public DataSource open(DatasetContext context) {
    Path folder =
        params.path().isBlank()
            ? context.dataHome().resolve("cifar-10-batches-bin")
            : Path.of(params.path());
    List<Path> files =
        params.split() == Split.TRAIN
            ? IntStream.rangeClosed(1, 5)
                .mapToObj(i -> folder.resolve("data_batch_" + i + ".bin"))
                .toList()
            : List.of(folder.resolve("test_batch.bin"));
    List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
    if (!missing.isEmpty()) {
      throw new EnvironmentException(
          "CIFAR-10 is not complete in "
              + folder
              + " (missing "
              + missing
              + "). No package registry"
              + " reachable here ships it: get cifar-10-binary.tar.gz from its authors, unpack it,"
              + " and set dataset.path to the cifar-10-batches-bin folder");
    }
    return read(files);
  }

  static ImageSet read(List<Path> files) {
    List<byte[]> contents = new ArrayList<>();
    int records = 0;
    for (Path file : files) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length % RECORD != 0) {
          throw new EnvironmentException(
              file
                  + " is not a CIFAR-10 binary batch: "
                  + bytes.length
                  + " bytes is not a multiple of "
                  + RECORD);
        }
        contents.add(bytes);
        records += bytes.length / RECORD;
      } catch (IOException e) {
        throw new EnvironmentException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    float[] pixels = new float[records * 3 * PLANE];
    int[] labels = new int[records];
    int image = 0;
    for (byte[] bytes : contents) {
      for (int r = 0; r < bytes.length / RECORD; r++, image++) {
        int at = r * RECORD;
        labels[image] = bytes[at] & 0xff;
        int out = image * 3 * PLANE;
        for (int p = 0; p < PLANE; p++) {
          for (int c = 0; c < 3; c++) {
            pixels[out + p * 3 + c] = ImageSet.scale(bytes[at + 1 + c * PLANE + p] & 0xff);
          }
        }
      }
    }
    return new ImageSet(pixels, labels, Shape.of(SIDE, SIDE, 3), 10);
  }
}
