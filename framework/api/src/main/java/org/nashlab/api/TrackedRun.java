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

  /** Flushes everything logged and ends the run. */
  @Override
  void close();
}
