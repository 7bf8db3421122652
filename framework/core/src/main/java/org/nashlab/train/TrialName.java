package org.nashlab.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run name of a sweep's trial: what sets it apart from its siblings, its factors and its seed.
 *
 * <pre>{@code
 * TrialName.of(Map.of("loss.name", "hinge"), 2)   // "loss=hinge · seed=2"
 * }</pre>
 *
 * A factor goes by the last segment of its dotted key ({@code training.steps} is {@code steps}), a
 * plugin's name by its section ({@code loss.name} is {@code loss}), unless another factor, or the
 * seed, would then go by the same name: those keep their full keys ({@code
 * optimizers.generator.lr=0.001 · optimizers.discriminator.lr=0.0004}). The name is at most {@link
 * #MAX_LENGTH} characters: a label longer than {@link #MAX_LABEL_LENGTH} is cut, and if the factors
 * still do not fit they are cut, the seed always kept.
 */
public final class TrialName {
  /** MLflow's limit: its run table holds a name in {@code VARCHAR(250)}. */
  public static final int MAX_LENGTH = 250;

  /** A factor's label beyond this is cut, so that one long value leaves room for the others. */
  static final int MAX_LABEL_LENGTH = 40;

  static final String SEPARATOR = " · ";
  private static final String ELLIPSIS = "…";
  private static final String SEED = "seed";
  private static final String PLUGIN_NAME = ".name";

  private TrialName() {}

  /**
   * @param factors factor key to its label as the sweep shows it, in the sweep file's order
   * @param seed the trial's training seed
   */
  public static String of(Map<String, String> factors, long seed) {
    Map<String, Integer> uses = new HashMap<>();
    uses.put(SEED, 1);
    factors.keySet().forEach(key -> uses.merge(shortName(key), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    factors.forEach(
        (key, label) -> {
          String name = uses.get(shortName(key)) > 1 ? key : shortName(key);
          parts.add(name + "=" + cut(label, MAX_LABEL_LENGTH));
        });
    String seedPart = SEED + "=" + seed;
    if (parts.isEmpty()) {
      return seedPart;
    }
    String head = String.join(SEPARATOR, parts);
    int room = MAX_LENGTH - SEPARATOR.length() - seedPart.length();
    return cut(head, room) + SEPARATOR + seedPart;
  }

  /** The key's last segment; for a plugin's name ({@code loss.name}), the plugin's section. */
  private static String shortName(String key) {
    String section =
        key.endsWith(PLUGIN_NAME) ? key.substring(0, key.length() - PLUGIN_NAME.length()) : key;
    return section.substring(section.lastIndexOf('.') + 1);
  }

  /** {@code text} in at most {@code max} characters, ending in an ellipsis if it was cut. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }
}
