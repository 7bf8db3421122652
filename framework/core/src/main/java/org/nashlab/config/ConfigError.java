package org.nashlab.config;

/**
 * One problem in an experiment, reported with where it is.
 *
 * @param source the file the offending key comes from, or {@code command line}
 * @param key the dotted key path
 * @param message what is wrong, naming the value and what was expected
 */
public record ConfigError(String source, String key, String message) {
  @Override
  public String toString() {
    return source + ": " + (key.isEmpty() ? "" : key + ": ") + message;
  }
}
