package org.nashlab.api;

/** Where runs are logged. */
public interface Tracker {
  /**
   * Creates a run and returns the handle to log into; call {@link TrackedRun#close()} at the end.
   */
  TrackedRun start(RunRequest request);
}
