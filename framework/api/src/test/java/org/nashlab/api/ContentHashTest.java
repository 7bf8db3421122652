package org.nashlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
  // FIPS 180-2, appendix B.1: SHA-256("abc").
  private static final String SHA256_OF_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void aFileHashIsTheWholeSha256OfItsBytes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
    assertEquals(SHA256_OF_ABC, ContentHash.hex(file));
  }

  @Test
  void aTextHashIsTheFirstBytesOfItsSha256() {
    assertEquals(SHA256_OF_ABC.substring(0, 16), ContentHash.hex("abc", 8));
  }
}
