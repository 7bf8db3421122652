package org.nashlab.track;

import org.nashlab.api.RunStatus;

/** Something logged to a run, waiting to be delivered. */
sealed interface TrackingEvent {
  record MetricPoint(String key, double value, long step, long timestamp)
      implements TrackingEvent {}

  record TagValue(String key, String value) implements TrackingEvent {}

  record ArtifactFile(String path, byte[] content) implements TrackingEvent {}

  /** The run's end; delivered last, so a run is never marked ended before its metrics arrive. */
  record RunEnd(RunStatus status, long endTime) implements TrackingEvent {}
}
