package org.nashlab.variant.progan;

import java.util.Map;
import java.util.TreeMap;

/**
 * Minibatch sizes by resolution, as the authors' {@code sched.minibatch_dict} sets them: written
 * {@code "4:128, 8:128, 16:128, 32:64"}; a resolution not named trains on {@code
 * training.batch-size}.
 */
record BatchSizes(Map<Integer, Integer> byResolution) {
  BatchSizes {
    byResolution = Map.copyOf(byResolution);
  }

  /**
   * Parses {@code text}, empty for none.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code RESOLUTION:SIZE} with a
   *     power-of-two resolution of at least 4 and a positive size
   */
  static BatchSizes parse(String text) {
    Map<Integer, Integer> sizes = new TreeMap<>();
    for (String entry : text.trim().split("[,\\s]+")) {
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split(":", -1);
      int resolution = parts.length == 2 ? number(parts[0]) : -1;
      int size = parts.length == 2 ? number(parts[1]) : -1;
      if (resolution < 4 || Integer.bitCount(resolution) != 1 || size < 1) {
        throw new IllegalArgumentException(
            "batch-sizes: '"
                + entry
                + "' is not RESOLUTION:SIZE with a power-of-two resolution >= 4 and a size >= 1"
                + " (for example \"4:128, 8:128, 16:128, 32:64\")");
      }
      if (sizes.put(resolution, size) != null) {
        throw new IllegalArgumentException("batch-sizes: resolution " + resolution + " twice");
      }
    }
    return new BatchSizes(sizes);
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The minibatch at {@code resolution}, {@code fallback} when none is set. */
  int at(int resolution, int fallback) {
    return byResolution.getOrDefault(resolution, fallback);
  }
}
