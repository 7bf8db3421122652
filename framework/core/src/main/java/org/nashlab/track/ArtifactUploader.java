package org.nashlab.track;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Uploads artifacts through the server's proxied artifact API. The MLflow Java client would shell
 * out to Python for this (docs/mlflow.md).
 */
final class ArtifactUploader {
  private static final String API = "/api/2.0/mlflow-artifacts/artifacts/";
  private final MlflowEndpoint endpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ArtifactUploader(MlflowEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * The folder under the artifact API for a run whose artifact URI is {@code
   * mlflow-artifacts:/EXPERIMENT/RUN/artifacts}.
   *
   * @throws IllegalArgumentException when the server does not proxy artifacts
   */
  static String runFolder(String artifactUri) {
    URI uri = URI.create(artifactUri);
    if (!"mlflow-artifacts".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "the run's artifact location is '"
              + artifactUri
              + "', not served by the tracking server;"
              + " start the server with --serve-artifacts (the default since MLflow 2)");
    }
    return uri.getPath().replaceAll("^/+", "");
  }

  void upload(String runFolder, String path, byte[] content) throws DeliveryException {
    String encoded =
        Arrays.stream(path.split("/"))
            .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"))
            .collect(Collectors.joining("/"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint.uri() + API + runFolder + "/" + encoded))
            .timeout(Duration.ofSeconds(120))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    endpoint.authorization().ifPresent(a -> request.header("Authorization", a));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status >= 300) {
        throw new DeliveryException(
            "artifact " + path + ": HTTP " + status + " " + response.body(),
            DeliveryException.transientStatus(status),
            null);
      }
    } catch (IOException e) {
      throw new DeliveryException("artifact " + path + ": " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("artifact " + path + ": interrupted", true, e);
    }
  }
}
