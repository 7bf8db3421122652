package org.nashlab.plugin;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelt names and keys. */
public final class Suggestions {
  private Suggestions() {}

  /** The known name closest to {@code wrong}, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String wrong, Collection<String> known) {
    int tolerance = Math.max(2, wrong.length() / 3);
    return known.stream()
        .filter(k -> distance(wrong, k) <= tolerance)
        .min(Comparator.comparingInt((String k) -> distance(wrong, k)).thenComparing(k -> k));
  }

  /**
   * The end of an "unknown name" message: {@code "; did you mean 'hinge'? Known: a, b"}, or {@code
   * ". Known: a, b"} when nothing is close.
   */
  public static String hint(String wrong, String knownLabel, Collection<String> known) {
    return closest(wrong, known).map(s -> "; did you mean '" + s + "'?").orElse(".")
        + " "
        + knownLabel
        + ": "
        + (known.isEmpty() ? "(none registered)" : String.join(", ", known));
  }

  /** Damerau-Levenshtein distance (optimal string alignment): swapped letters count once. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
