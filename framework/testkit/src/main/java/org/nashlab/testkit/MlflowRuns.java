package org.nashlab.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;

/** Reads back what runs logged, through the same public APIs the MLflow UI uses. */
public final class MlflowRuns {
  private final String uri;
  private final MlflowClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  MlflowRuns(String uri) {
    this.uri = uri;
    this.client = new MlflowClient(uri);
  }

  /**
   * The run's id from a run URL printed by {@code nash run}, such as {@code
   * http://host/#/experiments/1/runs/ID?workflowType=machine_learning}.
   */
  public static String runIdOf(String url) {
    String route = url.strip();
    int query = route.indexOf('?', route.indexOf('#') + 1);
    if (query >= 0) {
      route = route.substring(0, query);
    }
    return route.substring(route.lastIndexOf('/') + 1);
  }

  public Service.Run run(String runId) {
    return client.getRun(runId);
  }

  public Map<String, String> tags(String runId) {
    return run(runId).getData().getTagsList().stream()
        .collect(Collectors.toMap(Service.RunTag::getKey, Service.RunTag::getValue));
  }

  public Map<String, String> params(String runId) {
    return run(runId).getData().getParamsList().stream()
        .collect(Collectors.toMap(Service.Param::getKey, Service.Param::getValue));
  }

  /** Every point of a metric, in step order. */
  public List<Service.Metric> history(String runId, String key) {
    return client.getMetricHistory(runId, key).stream()
        .sorted(java.util.Comparator.comparingLong(Service.Metric::getStep))
        .toList();
  }

  /** A metric's value by step; two points at one step fail the test (a resume logged twice). */
  public Map<Long, Double> curve(String runId, String key) {
    return history(runId, key).stream()
        .collect(
            Collectors.toMap(
                Service.Metric::getStep,
                Service.Metric::getValue,
                (a, b) -> {
                  throw new AssertionError(
                      "two points of " + key + " at one step: " + a + ", " + b);
                }));
  }

  /**
   * The id of the first run of {@code experiment} once it has logged {@code points} points of
   * {@code key}, waiting up to two minutes.
   */
  public String awaitPoints(String experiment, String key, int points) throws InterruptedException {
    for (int i = 0; i < 2400; i++) {
      List<Service.RunInfo> started = runsOf(experiment);
      if (!started.isEmpty() && history(started.get(0).getRunId(), key).size() >= points) {
        return started.get(0).getRunId();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no run of " + experiment + " logged " + points + " points of " + key);
  }

  /** The runs of an experiment, or none if it does not exist. */
  public List<Service.RunInfo> runsOf(String experiment) {
    return client
        .getExperimentByName(experiment)
        .map(
            e ->
                client
                    .searchRuns(List.of(e.getExperimentId()), "", Service.ViewType.ALL, 1000)
                    .getItems()
                    .stream()
                    .map(Service.Run::getInfo)
                    .toList())
        .orElse(List.of());
  }

  /** The artifact's bytes, downloaded through the server's artifact API. */
  public byte[] artifact(String runId, String path) {
    String folder = run(runId).getInfo().getArtifactUri().replaceFirst("^mlflow-artifacts:/+", "");
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          uri + "/api/2.0/mlflow-artifacts/artifacts/" + folder + "/" + path))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("artifact " + path + ": HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The file names in an artifact folder of the run. */
  public List<String> artifactNames(String runId, String folder) {
    String root = run(runId).getInfo().getArtifactUri().replaceFirst("^mlflow-artifacts:/+", "");
    try {
      String json =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              uri
                                  + "/api/2.0/mlflow-artifacts/artifacts?path="
                                  + root
                                  + "/"
                                  + folder))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return java.util.regex.Pattern.compile("\"path\":\\s*\"([^\"]+)\"")
          .matcher(json)
          .results()
          .map(m -> m.group(1))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
