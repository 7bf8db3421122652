package org.nashlab.datasets;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** IDX files for tests: magic 0x0000_08_NN, big-endian dimensions, unsigned bytes. */
final class IdxBytes {
  private IdxBytes() {}

  /** The bytes of an IDX file; a negative dimension is written as its unsigned 32 bits. */
  static byte[] of(int[] dimensions, byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(0x00000800 | dimensions.length);
      for (int d : dimensions) {
        out.writeInt(d);
      }
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes an IDX file, gzipped if the name ends in {@code .gz}. */
  static Path write(Path file, int[] dimensions, byte[] data) throws IOException {
    byte[] content = of(dimensions, data);
    return Files.write(file, file.toString().endsWith(".gz") ? gzip(content) : content);
  }
}
