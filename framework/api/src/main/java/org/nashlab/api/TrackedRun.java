package org.nashlab.api;

/**
 * One run being logged. Logging calls return at once; delivery happens in the background and {@link
 * #close()} waits for it.
 */
public interface TrackedRun extends AutoCloseable {
  void logMetric(String key, double value, long step);

  void setTag(String key, String value);

  /** Stores {@code content} as an artifact at {@code path} (for example {@code samples/a.png}). */
  void logArtifact(String path, byte[] content);

  /** The tracker's id of the run. */
  String id();

  /** Where a person can look at the run. */
  String url();

  /** Sets the final status; the run ends when closed. */
  void finish(RunStatus status);

  /**
   * Leaves the run running when it is closed: its work goes on elsewhere (a sweep's trials queued
   * on a cluster), and a later process reopens and ends it. By default, unsupported.
   */
  default void detach() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot detach a run");
  }

  /** Flushes everything logged and ends the run (unless it was {@link #detach() detached}). */
  @Override
  void close();
}
