package org.nashlab.variant.seqgan;

import java.util.ArrayList;
import java.util.List;

/**
 * The discriminator's convolutions, written {@code "width:count, ..."}: the authors' {@code "1:100,
 * 2:200, 3:200, 4:200, 5:200, 6:100, 7:100, 8:100, 9:100, 10:100, 15:160, 20:160"}.
 */
record Filters(List<Width> widths) {
  /** Convolutions over {@code width} tokens, {@code count} of them. */
  record Width(int width, int count) {}

  static final String PAPER =
      "1:100, 2:200, 3:200, 4:200, 5:200, 6:100, 7:100, 8:100, 9:100, 10:100, 15:160, 20:160";

  /**
   * @throws IllegalArgumentException naming the {@code filters} parameter when {@code text} is not
   *     a list of positive {@code width:count} pairs with distinct widths
   */
  static Filters parse(String text) {
    List<Width> widths = new ArrayList<>();
    for (String item : text.split(",")) {
      String[] parts = item.strip().split(":");
      int width;
      int count;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        width = Integer.parseInt(parts[0].strip());
        count = Integer.parseInt(parts[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "filters: '" + item.strip() + "' is not width:count, as in \"2:100, 3:100\"");
      }
      if (width < 1 || count < 1 || count > 16_384) {
        throw new IllegalArgumentException(
            "filters: '" + item.strip() + "' needs a width >= 1 and a count in [1, 16384]");
      }
      if (widths.stream().anyMatch(w -> w.width() == width)) {
        throw new IllegalArgumentException("filters: width " + width + " is given twice");
      }
      widths.add(new Width(width, count));
    }
    return new Filters(List.copyOf(widths));
  }

  /** Every convolution's count added up: the width of the pooled features. */
  long total() {
    return widths.stream().mapToLong(Width::count).sum();
  }

  int widest() {
    return widths.stream().mapToInt(Width::width).max().orElseThrow();
  }
}
