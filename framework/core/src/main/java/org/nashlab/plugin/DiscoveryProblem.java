package org.nashlab.plugin;

import static java.util.Objects.requireNonNull;

/**
 * Something found wrong while discovering plugins, said once on one line: where (a jar of the
 * plugins folder, or a jar or classes folder of the classpath), what is wrong, and what to do. The
 * plugins concerned are left out; commands that do not use them go on.
 *
 * @param source the jar or classpath location
 * @param message what is wrong and the fix
 */
public record DiscoveryProblem(String source, String message) {
  public DiscoveryProblem {
    requireNonNull(source, "source");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return source + ": " + message;
  }
}
