package org.nashlab.api;

import java.nio.charset.StandardCharsets;
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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
