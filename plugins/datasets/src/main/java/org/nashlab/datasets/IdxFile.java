package org.nashlab.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file as LeCun's MNIST and Zalando's Fashion-MNIST ship them, gzipped or not: a magic
 * number {@code 0x0000_08_NN} (unsigned bytes, NN dimensions), the dimensions as big-endian ints,
 * then the bytes.
 *
 * @param dimensions for example {@code [60000, 28, 28]}
 * @param data the unsigned bytes, row-major
 */
record IdxFile(int[] dimensions, byte[] data) {
  private static final int UNSIGNED_BYTE = 0x08;

  static IdxFile read(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in =
            new DataInputStream(
                file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw)) {
      int magic = in.readInt();
      int type = (magic >> 8) & 0xff;
      int rank = magic & 0xff;
      if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
        throw new IOException(
            file
                + " is not an IDX file of unsigned bytes (magic 0x"
                + Integer.toHexString(magic)
                + ")");
      }
      int[] dimensions = new int[rank];
      long count = 1;
      for (int i = 0; i < rank; i++) {
        dimensions[i] = in.readInt();
        count *= dimensions[i];
      }
      byte[] data = new byte[Math.toIntExact(count)];
      in.readFully(data);
      return new IdxFile(dimensions, data);
    }
  }

  int count() {
    return dimensions[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdxFile other
        && Arrays.equals(dimensions, other.dimensions)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "IdxFile" + Arrays.toString(dimensions);
  }
}
