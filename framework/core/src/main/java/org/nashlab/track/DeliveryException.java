package org.nashlab.track;

/** A delivery to MLflow failed; {@code transient} failures are worth retrying. */
final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean isTransient;

  DeliveryException(String message, boolean isTransient, Throwable cause) {
    super(message, cause);
    this.isTransient = isTransient;
  }

  boolean isTransient() {
    return isTransient;
  }

  /** Connection failures, timeouts, 5xx, 408 and 429 are transient; other 4xx are not. */
  static boolean transientStatus(int status) {
    return status >= 500 || status == 408 || status == 429;
  }
}
