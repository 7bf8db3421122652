package org.nashlab.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.SampleFormat;
import org.tensorflow.ndarray.Shape;

/**
 * CIFAR-10 (Krizhevsky 2009) in its binary format: {@code data_batch_1.bin} to {@code _5} and
 * {@code test_batch.bin}, 10,000 records each, a record one label byte then 3072 bytes, the red,
 * green and blue 32x32 planes in turn. No registry ships it: users download it themselves.
 */
@Doc("CIFAR-10, 32x32x3, 10 classes, from the binary batches in dataset.path (Krizhevsky 2009)")
public final class Cifar10Dataset implements Dataset {
  static final int SIDE = 32;
  static final int PLANE = SIDE * SIDE;
  static final int RECORD = 1 + 3 * PLANE;

  /** The records of each of the authors' batch files. */
  static final int BATCH_RECORDS = 10_000;

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
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.labelled(SIDE, SIDE, 3));
  }

  @Override
  public DataSource open(DatasetContext context) {
    Path folder =
        params.path().isBlank()
            ? context.dataHome().resolve("cifar-10-batches-bin")
            : Path.of(params.path());
    List<String> missing = missing(folder, params.split());
    if (!missing.isEmpty()) {
      throw new EnvironmentException(
          "CIFAR-10 is not complete in "
              + folder
              + " (missing "
              + String.join(", ", missing)
              + "). No package registry"
              + " reachable here ships it: get cifar-10-binary.tar.gz from its authors, unpack it,"
              + " and set dataset.path to the cifar-10-batches-bin folder");
    }
    return read(batches(folder, params.split()));
  }

  @Override
  public List<String> problems() {
    return params.path().isBlank()
        ? List.of()
        : PathParameter.folderProblems("path", params.path(), f -> missing(f, params.split()));
  }

  private static List<Path> batches(Path folder, Split split) {
    return split == Split.TRAIN
        ? IntStream.rangeClosed(1, 5)
            .mapToObj(i -> folder.resolve("data_batch_" + i + ".bin"))
            .toList()
        : List.of(folder.resolve("test_batch.bin"));
  }

  private static List<String> missing(Path folder, Split split) {
    return batches(folder, split).stream()
        .filter(f -> !Files.isRegularFile(f))
        .map(f -> f.getFileName().toString())
        .toList();
  }

  static ImageSet read(List<Path> files) {
    List<byte[]> contents = files.stream().map(Cifar10Dataset::readBatch).toList();
    int records = contents.stream().mapToInt(bytes -> bytes.length / RECORD).sum();
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

  /**
   * The bytes of one batch: whole records, at most a batch's worth, with labels 0 to 9. The size is
   * checked before the file is read.
   */
  private static byte[] readBatch(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw corrupt(file, "the file is empty");
      }
      if (size % RECORD != 0) {
        throw corrupt(
            file,
            "the file has "
                + size
                + " bytes, not a multiple of the "
                + RECORD
                + " of a CIFAR-10 record (a label byte, then 3 x 32 x 32 pixels); it is truncated"
                + " or not a CIFAR-10 binary batch");
      }
      if (size / RECORD > BATCH_RECORDS) {
        throw corrupt(
            file,
            "the file holds "
                + size / RECORD
                + " records, more than the "
                + BATCH_RECORDS
                + " of a CIFAR-10 batch");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw BadFile.unreadable(file, e);
    }
    for (int r = 0; r < bytes.length / RECORD; r++) {
      int label = bytes[r * RECORD] & 0xff;
      if (label > 9) {
        throw corrupt(
            file,
            "record "
                + r
                + " has label "
                + label
                + ", but CIFAR-10's labels are 0 to 9; it is not a CIFAR-10 binary batch");
      }
    }
    return bytes;
  }

  private static EnvironmentException corrupt(Path file, String problem) {
    return BadFile.corrupt(
        file, problem, "Get cifar-10-binary.tar.gz from its authors again and unpack it");
  }
}
