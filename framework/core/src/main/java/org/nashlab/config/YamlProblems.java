package org.nashlab.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What SnakeYAML found wrong, in one line with the line and column it points at. The exception's
 * own text quotes the offending lines, which may hold anything the file holds.
 */
public final class YamlProblems {
  private YamlProblems() {}

  public static String describe(Throwable e) {
    if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      String at =
          mark == null
              ? ""
              : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
      return marked.getProblem() + at;
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
  }
}
