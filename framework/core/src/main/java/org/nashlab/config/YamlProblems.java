package org.nashlab.config;

import java.util.Optional;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What SnakeYAML found wrong, in one line with the line and column it points at. The exception's
 * own text quotes the offending lines, which may hold anything the file holds.
 */
public final class YamlProblems {
  private YamlProblems() {}

  /**
   * The problem SnakeYAML found in {@code text}, read from {@code source}: a key given twice under
   * its full path with both lines, anything else as "is not valid YAML" with where.
   */
  public static ConfigError of(String source, String text, RuntimeException e) {
    if (e instanceof DuplicateKeyException) {
      Optional<DuplicateKeys.Duplicate> duplicate = DuplicateKeys.in(text);
      if (duplicate.isPresent()) {
        return new ConfigError(source, duplicate.get().key(), duplicate.get().message());
      }
    }
    return new ConfigError(source, "", "is not valid YAML: " + describe(e));
  }

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
