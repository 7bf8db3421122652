package org.nashlab.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.nashlab.api.EnvironmentException;

/**
 * An IDX file as LeCun's MNIST and Zalando's Fashion-MNIST ship them, gzipped or not: a magic
 * number {@code 0x0000_08_NN} (unsigned bytes, NN dimensions), the dimensions as big-endian
 * unsigned ints, then the bytes.
 *
 * @param dimensions for example {@code [60000, 28, 28]}
 * @param data the unsigned bytes, row-major
 */
record IdxFile(int[] dimensions, byte[] data) {
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int MAX_RANK = 4;

  /** Deflate's best ratio: a gzip file of n bytes holds at most 1032 n (zlib's technical notes). */
  static final long MAX_GZIP_RATIO = 1032;

  /**
   * Reads {@code file}, gzipped if its name ends in {@code .gz}. The header is checked against the
   * file's size before the data is allocated, so no content makes the read run out of memory.
   *
   * @param remedy how to get an intact copy, the last sentence of the message if it is corrupt
   * @throws EnvironmentException naming the file and what is wrong with it
   */
  static IdxFile read(Path file, String remedy) {
    return new Reader(file, remedy).read();
  }

  int count() {
    return dimensions[0];
  }

  /** The dimensions as in {@code 60000 x 28 x 28}. */
  String shape() {
    return Arrays.stream(dimensions).mapToObj(Integer::toString).collect(Collectors.joining(" x "));
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

  /** The dimensions a header declares, unsigned as the format has them. */
  private record Header(long[] dimensions) {
    int size() {
      return 4 + 4 * dimensions.length;
    }

    BigInteger bytes() {
      return Arrays.stream(dimensions)
          .mapToObj(BigInteger::valueOf)
          .reduce(BigInteger.ONE, BigInteger::multiply);
    }

    /** {@code IDX header declares 60000 x 28 x 28 = 47040000 bytes}. */
    String declares() {
      String times =
          Arrays.stream(dimensions).mapToObj(Long::toString).collect(Collectors.joining(" x "));
      return "IDX header declares "
          + times
          + (dimensions.length > 1 ? " = " + bytes() : "")
          + " bytes";
    }
  }

  /** One read of one file, which knows the file's size and whether it is gzipped. */
  private static final class Reader {
    private static final String TRUNCATED = "; the file is truncated";

    private final Path file;
    private final String remedy;
    private final boolean gzipped;

    Reader(Path file, String remedy) {
      this.file = file;
      this.remedy = remedy;
      this.gzipped = file.toString().endsWith(".gz");
    }

    IdxFile read() {
      try {
        long size = Files.size(file);
        if (size == 0) {
          throw corrupt("the file is empty");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try (InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw) {
          Header header = header(in);
          byte[] data = new byte[checkedLength(header, size)];
          int got = in.readNBytes(data, 0, data.length);
          if (got < data.length) {
            throw corrupt(
                header.declares() + " but only " + got + " follow it" + decompressed() + TRUNCATED);
          }
          if (in.read() >= 0) {
            throw corrupt(
                header.declares()
                    + " but more follow it"
                    + decompressed()
                    + "; the header is wrong or bytes were appended");
          }
          return new IdxFile(
              Arrays.stream(header.dimensions()).mapToInt(Math::toIntExact).toArray(), data);
        }
      } catch (EOFException e) {
        // Only GZIPInputStream throws it; readNBytes reports a short read by its count.
        throw corrupt("the gzip data stops before its end" + TRUNCATED);
      } catch (ZipException e) {
        throw corrupt("the file is not valid gzip (" + BadFile.reason(e) + ")");
      } catch (IOException e) {
        throw BadFile.unreadable(file, e);
      }
    }

    private Header header(InputStream in) throws IOException {
      int magic = headerInt(in, 0, 4);
      int rank = magic & 0xff;
      if ((magic >>> 8) != UNSIGNED_BYTE || rank < 1 || rank > MAX_RANK) {
        throw corrupt(
            String.format(
                "the file is not an IDX file of unsigned bytes: it starts with 0x%08x, not 0x%08x"
                    + " to 0x%08x",
                magic, UNSIGNED_BYTE << 8 | 1, UNSIGNED_BYTE << 8 | MAX_RANK));
      }
      long[] dimensions = new long[rank];
      for (int i = 0; i < rank; i++) {
        dimensions[i] = Integer.toUnsignedLong(headerInt(in, 4 + 4 * i, 4 + 4 * rank));
      }
      return new Header(dimensions);
    }

    /** The big-endian int at {@code offset} of a header of {@code headerSize} bytes. */
    private int headerInt(InputStream in, int offset, int headerSize) throws IOException {
      byte[] bytes = in.readNBytes(4);
      if (bytes.length == 4) {
        return ByteBuffer.wrap(bytes).getInt();
      }
      int end = offset + bytes.length;
      if (end == 0) {
        throw corrupt("the file is empty" + decompressed());
      }
      throw corrupt(
          "the file ends after "
              + end
              + " bytes"
              + decompressed()
              + ", inside its "
              + (offset == 0 ? "4-byte IDX magic number" : headerSize + "-byte IDX header")
              + TRUNCATED);
    }

    /**
     * The data's length, once it is known to fit an array and what a file of {@code size} holds.
     */
    private int checkedLength(Header header, long size) {
      if (Arrays.stream(header.dimensions()).anyMatch(d -> d == 0)) {
        throw corrupt(header.declares() + ": a dimension of 0 leaves no data");
      }
      if (header.bytes().compareTo(BigInteger.valueOf(ImageSet.MAX_ARRAY)) > 0) {
        throw corrupt(
            header.declares()
                + ", more than the "
                + ImageSet.MAX_ARRAY
                + " a Java array holds; the header is corrupt");
      }
      long length = header.bytes().longValueExact();
      if (gzipped && length > size * MAX_GZIP_RATIO) {
        throw corrupt(
            header.declares()
                + " but a gzip file of "
                + size
                + " bytes decompresses to at most "
                + size * MAX_GZIP_RATIO
                + "; the file is truncated or its header corrupt");
      }
      long follow = size - header.size();
      if (!gzipped && length > follow) {
        throw corrupt(
            header.declares()
                + " but only "
                + follow
                + " follow the "
                + header.size()
                + "-byte header"
                + TRUNCATED);
      }
      return (int) length;
    }

    private String decompressed() {
      return gzipped ? " once decompressed" : "";
    }

    private EnvironmentException corrupt(String problem) {
      return BadFile.corrupt(file, problem, remedy);
    }
  }
}
