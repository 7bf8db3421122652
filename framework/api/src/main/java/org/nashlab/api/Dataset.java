package org.nashlab.api;

import java.util.List;
import java.util.Optional;

/**
 * Opens a source of training samples.
 *
 * <pre>{@code
 * public List<String> problems() {
 *   return Files.isDirectory(Path.of(params.path()))
 *       ? List.of()
 *       : List.of("path '" + params.path() + "' is not a folder");
 * }
 * }</pre>
 */
public interface Dataset {
  /**
   * Reads the data. A missing or corrupt file is an {@link EnvironmentException} that names the
   * file and says how to get an intact one.
   */
  DataSource open(DatasetContext context);

  /**
   * What is wrong with the parameters as the user wrote them, found without reading the data. Nash
   * calls it while validating the experiment, before anything is opened, and reports the problems
   * with all the others as invalid input (exit code 2).
   *
   * <p>Each message starts with the parameter's key as written in YAML, then a space, as the
   * messages of {@link ParamChecks} do ({@code "path '/data/cats' does not exist"}); Nash adds the
   * file and the section. Checks must be cheap: whether a path exists, is a folder or a file, can
   * be read, holds the files the format names. Files that are missing from a default location
   * (under {@link DatasetContext#dataHome()}, where {@code nash data fetch} puts them) are an
   * environment problem, not a mistake in the experiment: leave them to {@link #open}, which says
   * what to run.
   *
   * @return the problems, empty when there are none (the default)
   */
  default List<String> problems() {
    return List.of();
  }

  /**
   * The format of the samples {@link #open} will give, known from the parameters alone, without
   * reading data, so that validation can tell a variant that cannot use them ({@link
   * Variant#problemsWith}). Empty (the default) when only the data can tell; the variant is then
   * checked once the data is open, before the run starts.
   */
  default Optional<SampleFormat> format() {
    return Optional.empty();
  }
}
