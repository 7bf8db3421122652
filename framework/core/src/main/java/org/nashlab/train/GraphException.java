package org.nashlab.train;

import org.nashlab.api.NashException;

/**
 * The trial's graph could not be built, for example because a technique needs a gradient TensorFlow
 * Java does not have for the chosen networks. Exit code 1; nothing was logged.
 */
public final class GraphException extends NashException {
  private static final long serialVersionUID = 1L;

  GraphException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 1;
  }
}
