package org.nashlab.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short stable names for content, for cache folders and trial keys: the first bytes of the text's
 * SHA-256, in hex.
 *
 * <pre>{@code
 * String key = ContentHash.hex(datasetKey + "\n" + params, 8); // 16 hex digits
 * }</pre>
 */
public final class ContentHash {
  private ContentHash() {}

  /** The first {@code bytes} bytes of the SHA-256 of {@code text} (UTF-8), as hex. */
  public static String hex(String text, int bytes) {
    byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, bytes);
  }

  /** The whole SHA-256 of a file's bytes, as 64 hex digits, the way {@code sha256sum} prints it. */
  public static String hex(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
