package org.nashlab.datasets;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks of a folder the user names in a parameter, cheap enough for {@code nash validate}. Each
 * message starts with the parameter's key, as {@link org.nashlab.api.Dataset#problems} asks.
 */
final class PathParameter {
  private PathParameter() {}

  /**
   * What is wrong with {@code value}, the folder of parameter {@code key}: it is empty, does not
   * exist, is not a folder or cannot be read, or it lacks some of the files its format names.
   *
   * @param missing the names of the files a folder lacks; only ever given a readable folder
   */
  static List<String> folderProblems(
      String key, String value, Function<Path, List<String>> missing) {
    return folderProblem(key, value)
        .or(
            () -> {
              List<String> lacks = missing.apply(Path.of(value));
              return lacks.isEmpty()
                  ? Optional.empty()
                  : Optional.of(key + " '" + value + "' lacks " + String.join(", ", lacks));
            })
        .stream()
        .toList();
  }

  private static Optional<String> folderProblem(String key, String value) {
    if (value.isBlank()) {
      return Optional.of(key + " is empty; set it to a folder");
    }
    Path folder;
    try {
      folder = Path.of(value);
    } catch (InvalidPathException e) {
      return Optional.of(key + " '" + value + "' is not a valid path: " + e.getReason());
    }
    if (!Files.exists(folder)) {
      return Optional.of(key + " '" + value + "' does not exist");
    }
    if (!Files.isDirectory(folder)) {
      return Optional.of(key + " '" + value + "' is not a folder");
    }
    if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
      return Optional.of(key + " '" + value + "' is a folder this user cannot read");
    }
    return Optional.empty();
  }
}
