package org.nashlab.config;

import java.util.regex.Pattern;

/**
 * What must never be logged or printed: the value of a key that names a secret ({@code password},
 * {@code token}, ...), and the user information of an address ({@code http://user:secret@host}).
 */
public final class Secrets {
  /** What stands in for a hidden value. */
  public static final String MASK = "***";

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|passwd|secret|token|credential|api-key|apikey).*");
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s?#]+@");

  /** A secret-named key and its value in YAML, flow or block, or in a {@code key=value} pair. */
  private static final Pattern SECRET_PAIR =
      Pattern.compile(
          "(?i)([\\w.-]*(?:password|passwd|secret|token|credential|api-key|apikey)[\\w.-]*"
              + "['\"]?\\s*[:=]\\s*)(\"[^\"\\n]*\"|'[^'\\n]*'|[^,}\\]\\s#]+)");

  private Secrets() {}

  /**
   * Text Nash did not write itself (a sweep file, a trial's output) with every address's user
   * information and every value of a secret-named key masked.
   */
  public static String maskedText(String text) {
    return SECRET_PAIR.matcher(withoutUserInfo(text)).replaceAll("$1" + MASK);
  }

  /** Whether the last segment of the dotted {@code key} names a secret. */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key.substring(key.lastIndexOf('.') + 1)).matches();
  }

  /** {@code text} with the user information of every address in it replaced by the mask. */
  public static String withoutUserInfo(String text) {
    return USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
  }

  /** What may be shown of {@code value} at {@code key}. */
  public static String shown(String key, String value) {
    return isSecretKey(key) ? MASK : withoutUserInfo(value);
  }
}
