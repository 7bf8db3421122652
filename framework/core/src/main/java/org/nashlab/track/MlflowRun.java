package org.nashlab.track;

import java.time.Duration;
import java.util.regex.Pattern;
import org.nashlab.api.RunStatus;
import org.nashlab.api.TrackedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A run in an MLflow server; every call returns at once and the {@link EventSender} delivers. */
final class MlflowRun implements TrackedRun {
  private static final Logger log = LoggerFactory.getLogger(MlflowRun.class);

  /** MLflow's rule for metric, param and tag names. */
  private static final Pattern NAME = Pattern.compile("[/\\w.\\- ]{1,250}");

  static final int MAX_TAG_LENGTH = 5000;

  private final EventSender sender;
  private final String id;
  private final String url;
  private final Duration flushTimeout;
  private RunStatus status = RunStatus.FAILED;
  private boolean closed;
  private boolean detached;

  MlflowRun(EventSender sender, String id, String url, Duration flushTimeout) {
    this.sender = sender;
    this.id = id;
    this.url = url;
    this.flushTimeout = flushTimeout;
  }

  @Override
  public void logMetric(String key, double value, long step) {
    sender.submit(
        new TrackingEvent.MetricPoint(checkName(key), value, step, System.currentTimeMillis()));
  }

  @Override
  public void setTag(String key, String value) {
    sender.submit(new TrackingEvent.TagValue(checkName(key), truncate(value, MAX_TAG_LENGTH)));
  }

  @Override
  public void logArtifact(String path, byte[] content) {
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException(
          "artifact path '" + path + "' must be relative, without '..'");
    }
    sender.submit(new TrackingEvent.ArtifactFile(path, content.clone()));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public void finish(RunStatus status) {
    this.status = status;
  }

  @Override
  public void detach() {
    detached = true;
  }

  /**
   * Ends the run (FAILED unless {@link #finish} said otherwise, left running if {@link #detach
   * detached}) once everything is delivered.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!detached) {
      sender.submit(new TrackingEvent.RunEnd(status, System.currentTimeMillis()));
    }
    if (!sender.close(flushTimeout)) {
      log.warn("Run {} is not fully delivered yet; Nash finishes it on its next run", url);
    }
  }

  static String checkName(String key) {
    if (!NAME.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "'"
              + key
              + "' is not a valid MLflow name: letters, digits, _ - . / and spaces, 1 to 250");
    }
    return key;
  }

  static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 3) + "...";
  }
}
