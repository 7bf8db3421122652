package org.nashlab.api;

/** A failure Nash reports to the user as a message, without a stack trace. */
public abstract class NashException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected NashException(String message) {
    super(message);
  }

  protected NashException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code this failure maps to. */
  public abstract int exitCode();
}
