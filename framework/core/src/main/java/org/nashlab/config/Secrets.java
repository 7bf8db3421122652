package org.nashlab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What must never be logged or printed: the value of a key that names a secret ({@code password},
 * {@code api-token}, ...), and the user information of an address ({@code
 * http://user:secret@host}). A key names a secret when one of its words does: {@code max-tokens}
 * and {@code tokenizer} do not.
 */
public final class Secrets {
  /** What stands in for a hidden value. */
  public static final String MASK = "***";

  private static final Set<String> WORDS =
      Set.of(
          "password",
          "passwd",
          "passphrase",
          "pwd",
          "secret",
          "token",
          "credential",
          "credentials",
          "apikey",
          "authorization");

  private static final String WORD_ALTERNATIVES = String.join("|", WORDS) + "|api[-_]key";

  /** A scheme, then everything up to the last {@code @} of the address: its user information. */
  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)\\S*@");

  /** A secret-named key, {@code :} or {@code =}, and the rest of the line. */
  private static final Pattern SECRET_PAIR =
      Pattern.compile(
          "(?im)(?<![\\w-])((?:[\\w-]*[-_])?(?:"
              + WORD_ALTERNATIVES
              + ")(?:[-_][\\w-]*)?['\"]?\\s*[:=]\\s*)\\S.*$");

  private Secrets() {}

  /** Whether the last segment of the dotted {@code key} names a secret. */
  public static boolean isSecretKey(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
    List<String> words =
        List.of(last.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase().split("[-_ ]+"));
    for (int i = 0; i < words.size(); i++) {
      if (WORDS.contains(words.get(i))
          || (words.get(i).equals("api")
              && i + 1 < words.size()
              && words.get(i + 1).equals("key"))) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with the user information of every address in it replaced by the mask. */
  public static String withoutUserInfo(String text) {
    return USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
  }

  /** What may be shown of {@code value} at {@code key}. */
  public static String shown(String key, String value) {
    return isSecretKey(key) ? MASK : withoutUserInfo(value);
  }

  /**
   * A parsed YAML tree with the values of secret-named keys and the user information of addresses
   * masked; a fresh copy, so that SnakeYAML writes no anchors for shared parts.
   */
  public static Object masked(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (k, v) ->
              copy.put(
                  String.valueOf(k),
                  isSecretKey(String.valueOf(k)) && !(v instanceof Map) ? MASK : masked(v)));
      return copy;
    }
    if (tree instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(Secrets::masked).toList());
    }
    if (tree instanceof String text) {
      return withoutUserInfo(text);
    }
    return tree;
  }

  /** A YAML file the user wrote (a sweep file), masked as a tree and written out again. */
  public static String maskedYaml(String yaml) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(masked(CoreSchemaYaml.create().load(yaml)));
  }

  /**
   * A line of output Nash did not write itself (a trial's), with user information and the rest of
   * the line after a secret-named key masked.
   */
  public static String maskedLine(String line) {
    return SECRET_PAIR.matcher(withoutUserInfo(line)).replaceAll("$1" + MASK);
  }
}
