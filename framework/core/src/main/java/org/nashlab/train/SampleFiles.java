package org.nashlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nashlab.api.Samples;
import org.tensorflow.ndarray.Shape;

/**
 * Generated samples written to a file, in the format its name says: {@code .npy} (numpy's format,
 * float32, shaped {@code [n, sample shape...]}, values as generated: images in [-1, 1]), {@code
 * .csv} for vectors (a header {@code x0, x1, ...}, one sample per row), {@code .png} for images (a
 * grid), or a folder of PNGs, one per image, for a name without an extension.
 */
public final class SampleFiles {
  /** The formats, by the output's name. */
  public enum Format {
    NPY,
    CSV,
    PNG,
    PNG_FOLDER;

    /** The format {@code out}'s name asks for. */
    public static Format of(Path out) {
      String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".npy")) {
        return NPY;
      }
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".png")) {
        return PNG;
      }
      if (!name.contains(".")) {
        return PNG_FOLDER;
      }
      throw new IllegalArgumentException(
          "'"
              + out
              + "' names no format Nash writes: end it in .npy, .csv or .png, or give a folder"
              + " name without an extension for one PNG per image");
    }

    /** Why samples of {@code shape} cannot be written in this format; empty when they can. */
    public String problemWith(Shape shape) {
      boolean image = shape.numDimensions() == 3 && (shape.get(2) == 1 || shape.get(2) == 3);
      return switch (this) {
        case NPY -> "";
        case CSV ->
            shape.numDimensions() == 1
                ? ""
                : ".csv holds vectors; these samples have shape " + shape + ": use .npy";
        case PNG, PNG_FOLDER ->
            image
                ? ""
                : "PNGs show images of 1 or 3 channels; these samples have shape "
                    + shape
                    + ": use .npy or .csv";
      };
    }
  }

  private static final int GRID_COLUMNS = 16;
  private static final int CHUNK = 1 << 20;

  private SampleFiles() {}

  /** Writes {@code samples} to {@code out} in the format its name says; returns the files. */
  public static List<Path> write(Samples samples, Path out) throws IOException {
    Format format = Format.of(out);
    String problem = format.problemWith(samples.shape());
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    switch (format) {
      case NPY -> npy(samples, out);
      case CSV -> csv(samples, out);
      case PNG ->
          Files.write(
              out,
              ImageGrid.png(
                  samples.values(),
                  samples.shape(),
                  samples.count(),
                  Math.min(GRID_COLUMNS, samples.count()),
                  1));
      case PNG_FOLDER -> {
        return folder(samples, out);
      }
    }
    return List.of(out);
  }

  /**
   * Numpy's format, version 1.0: the magic string and a header dict padded to a multiple of 64
   * bytes; the float32 values in C order, little-endian, follow it.
   */
  static byte[] npyHeader(Samples samples) {
    StringBuilder shape = new StringBuilder("(").append(samples.count());
    for (long d : samples.shape().asArray()) {
      shape.append(", ").append(d);
    }
    shape.append(samples.shape().numDimensions() == 0 ? ",)" : ")");
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    int unpadded = 10 + dict.length() + 1;
    byte[] header =
        (dict + " ".repeat((64 - unpadded % 64) % 64) + "\n").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer start = ByteBuffer.allocate(10 + header.length).order(ByteOrder.LITTLE_ENDIAN);
    start.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    start.put((byte) 1).put((byte) 0).putShort((short) header.length).put(header);
    return start.array();
  }

  /** The header, then the values a chunk at a time: a file may exceed what one array holds. */
  private static void npy(Samples samples, Path out) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            out,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(channel, ByteBuffer.wrap(npyHeader(samples)));
      ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.LITTLE_ENDIAN);
      float[] values = samples.values();
      for (int first = 0; first < values.length; first += CHUNK) {
        chunk.clear();
        chunk.asFloatBuffer().put(values, first, Math.min(CHUNK, values.length - first));
        chunk.limit(4 * Math.min(CHUNK, values.length - first));
        writeFully(channel, chunk);
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void csv(Samples samples, Path out) throws IOException {
    int dims = samples.sampleSize();
    String[] header = new String[dims];
    for (int j = 0; j < dims; j++) {
      header[j] = "x" + j;
    }
    try (Writer writer = Files.newBufferedWriter(out);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
      printer.printRecord((Object[]) header);
      for (int i = 0; i < samples.count(); i++) {
        List<String> row = new ArrayList<>(dims);
        for (int j = 0; j < dims; j++) {
          // Float.toString round-trips: the file holds the exact floats generated.
          row.add(Float.toString(samples.values()[i * dims + j]));
        }
        printer.printRecord(row);
      }
    }
  }

  private static List<Path> folder(Samples samples, Path out) {
    try {
      Files.createDirectories(out);
      int size = samples.sampleSize();
      int digits = Math.max(5, Integer.toString(samples.count() - 1).length());
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < samples.count(); i++) {
        float[] image = new float[size];
        System.arraycopy(samples.values(), i * size, image, 0, size);
        Path file = out.resolve(String.format("sample-%0" + digits + "d.png", i));
        Files.write(file, ImageGrid.single(image, samples.shape()));
        files.add(file);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the samples into " + out, e);
    }
  }
}
