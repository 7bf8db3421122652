package org.nashlab.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Variant;

/**
 * Whether a variant can train on an experiment's data ({@link Variant#problemsWith}): each problem
 * as the message of an error at {@code variant}, naming the variant and every dataset key. Asked
 * while validating, from the datasets' formats, and before the trial's graph is built, from the
 * open data.
 */
public final class DataFit {
  /** The key every problem is reported at. */
  public static final String KEY = "variant";

  private DataFit() {}

  /**
   * @param variantChoice the experiment's {@code variant:} choice
   * @param variant the variant built from it
   * @param datasets the experiment's data streams by name
   * @param data the format of each stream's samples
   */
  public static List<String> problems(
      PluginChoice variantChoice,
      Variant variant,
      Map<String, PluginChoice> datasets,
      DataDescription data) {
    String on =
        datasets.values().stream()
            .map(c -> c.key() + " '" + c.spec().name() + "'")
            .collect(Collectors.joining(", "));
    return variant.problemsWith(data).stream()
        .map(p -> "'" + variantChoice.spec().name() + "' cannot train on " + on + ": " + p)
        .toList();
  }
}
