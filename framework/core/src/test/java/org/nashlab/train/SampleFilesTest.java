package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.Samples;
import org.tensorflow.ndarray.Shape;

class SampleFilesTest {
  @TempDir Path folder;

  @Test
  void npyHasNumpysMagicAHeaderPaddedTo64BytesAndLittleEndianFloats() throws Exception {
    Samples samples = new Samples(2, Shape.of(3), new float[] {1, 2, 3, -4, 5.5f, 6});
    Path file = folder.resolve("s.npy");
    SampleFiles.write(samples, file);
    byte[] npy = Files.readAllBytes(file);
    assertEquals((byte) 0x93, npy[0]);
    assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, npy[6]);
    ByteBuffer buffer = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = buffer.getShort(8);
    assertEquals(0, (10 + headerLength) % 64);
    String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(
        header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
    assertTrue(header.endsWith("\n"));
    assertEquals(10 + headerLength + 6 * 4, npy.length);
    assertEquals(-4f, buffer.getFloat(10 + headerLength + 3 * 4));
  }

  @Test
  void theFormatComesFromTheNameAndRefusesShapesItCannotShow() {
    assertEquals(SampleFiles.Format.NPY, SampleFiles.Format.of(Path.of("a/b.npy")));
    assertEquals(SampleFiles.Format.PNG_FOLDER, SampleFiles.Format.of(Path.of("images")));
    assertEquals("", SampleFiles.Format.PNG.problemWith(Shape.of(28, 28, 1)));
    assertTrue(SampleFiles.Format.CSV.problemWith(Shape.of(28, 28, 1)).contains("use .npy"));
    assertTrue(SampleFiles.Format.PNG.problemWith(Shape.of(2)).contains("shape [2]"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SampleFiles.Format.of(Path.of("a.txt")));
    assertTrue(e.getMessage().contains("end it in .npy, .csv or .png"), e.getMessage());
  }
}
