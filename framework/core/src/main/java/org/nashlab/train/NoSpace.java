package org.nashlab.train;

/**
 * Whether a failure to write was the disk being full. TensorFlow reports it as a resource exhausted
 * error with an out-of-memory hint, Java as a file system error; both carry the system's own words.
 */
final class NoSpace {
  private NoSpace() {}

  static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
        return true;
      }
    }
    return false;
  }
}
