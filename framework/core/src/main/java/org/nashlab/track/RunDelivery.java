package org.nashlab.track;

import java.util.ArrayList;
import java.util.List;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;

/**
 * Delivers events of one run to the server: metrics and tags in {@code logBatch} calls split to the
 * server's limits, artifacts through the artifact API, the run's end last.
 */
final class RunDelivery {
  /** The server's limit on metrics, params and tags together in one {@code logBatch}. */
  static final int MAX_ITEMS_PER_BATCH = 1000;

  static final int MAX_TAGS_PER_BATCH = 100;

  private final MlflowClient client;
  private final ArtifactUploader uploader;
  private final String runId;
  private final String runFolder;

  RunDelivery(MlflowClient client, ArtifactUploader uploader, String runId, String runFolder) {
    this.client = client;
    this.uploader = uploader;
    this.runId = runId;
    this.runFolder = runFolder;
  }

  String runId() {
    return runId;
  }

  /** Delivers {@code events} in order; on failure the caller keeps them all for a retry. */
  void deliver(List<TrackingEvent> events) throws DeliveryException {
    List<Service.Metric> metrics = new ArrayList<>();
    List<Service.RunTag> tags = new ArrayList<>();
    for (TrackingEvent event : events) {
      if (event instanceof TrackingEvent.MetricPoint m) {
        metrics.add(
            Service.Metric.newBuilder()
                .setKey(m.key())
                .setValue(m.value())
                .setStep(m.step())
                .setTimestamp(m.timestamp())
                .build());
        if (metrics.size() + tags.size() == MAX_ITEMS_PER_BATCH) {
          sendBatch(metrics, tags);
        }
      } else if (event instanceof TrackingEvent.TagValue t) {
        tags.add(Service.RunTag.newBuilder().setKey(t.key()).setValue(t.value()).build());
        if (tags.size() == MAX_TAGS_PER_BATCH
            || metrics.size() + tags.size() == MAX_ITEMS_PER_BATCH) {
          sendBatch(metrics, tags);
        }
      } else if (event instanceof TrackingEvent.ArtifactFile a) {
        uploader.upload(runFolder, a.path(), a.content());
      } else if (event instanceof TrackingEvent.RunEnd end) {
        sendBatch(metrics, tags);
        Service.RunStatus status = Service.RunStatus.valueOf(end.status().name());
        call(() -> client.setTerminated(runId, status, end.endTime()));
      }
    }
    sendBatch(metrics, tags);
  }

  private void sendBatch(List<Service.Metric> metrics, List<Service.RunTag> tags)
      throws DeliveryException {
    if (metrics.isEmpty() && tags.isEmpty()) {
      return;
    }
    List<Service.Metric> m = List.copyOf(metrics);
    List<Service.RunTag> t = List.copyOf(tags);
    call(() -> client.logBatch(runId, m, List.of(), t));
    metrics.clear();
    tags.clear();
  }

  private static void call(Runnable request) throws DeliveryException {
    try {
      request.run();
    } catch (MlflowHttpException e) {
      throw new DeliveryException(
          "HTTP " + e.getStatusCode() + ": " + e.getBodyMessage(),
          DeliveryException.transientStatus(e.getStatusCode()),
          e);
    } catch (MlflowClientException e) {
      throw new DeliveryException(String.valueOf(e.getMessage()), true, e);
    }
  }
}
