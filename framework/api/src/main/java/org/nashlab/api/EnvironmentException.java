package org.nashlab.api;

/**
 * Something outside the experiment is missing or broken (no MLflow, no dataset, no native library).
 * The message says what to do about it. Exit code 3.
 */
public class EnvironmentException extends NashException {
  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message) {
    super(message);
  }

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 3;
  }
}
