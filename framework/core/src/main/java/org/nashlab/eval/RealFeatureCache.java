package org.nashlab.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.nashlab.api.ContentHash;
import org.nashlab.api.Embedding;

/**
 * Real samples' features kept on disk, one file per feature network, dataset and sample count, so
 * the reference statistics are computed once per machine rather than once per run.
 */
final class RealFeatureCache {
  private final Path folder;

  RealFeatureCache(Path folder) {
    this.folder = folder;
  }

  Optional<Embedding> find(String network, String dataset, int n) {
    Path file = file(network, dataset, n);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (var in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      int dimension = in.readInt();
      int classes = in.readInt();
      return Optional.of(
          new Embedding(
              count, dimension, read(in, count * dimension), classes, read(in, count * classes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cached real features " + file, e);
    }
  }

  void store(String network, String dataset, Embedding e) {
    Path file = file(network, dataset, e.count());
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, "real", ".partial");
      try (var out =
          new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(partial)))) {
        out.writeInt(e.count());
        out.writeInt(e.dimension());
        out.writeInt(e.classes());
        write(out, e.features());
        write(out, e.probabilities());
      }
      // Atomic, so parallel trials never read half a file.
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot cache real features in " + folder, ex);
    }
  }

  private Path file(String network, String dataset, int n) {
    return folder.resolve(ContentHash.hex(network + "\n" + dataset + "\n" + n, 12) + ".features");
  }

  private static float[] read(DataInputStream in, int n) throws IOException {
    byte[] bytes = in.readNBytes(n * Float.BYTES);
    if (bytes.length != n * Float.BYTES) {
      throw new IOException("truncated file");
    }
    float[] values = new float[n];
    ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  private static void write(DataOutputStream out, float[] values) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
    bytes.asFloatBuffer().put(values);
    out.write(bytes.array());
  }
}
