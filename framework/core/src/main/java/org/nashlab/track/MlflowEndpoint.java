package org.nashlab.track;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * A tracking server and the credentials to use with it. The MLflow Java client ignores the
 * credential environment variables, so Nash reads {@code MLFLOW_TRACKING_USERNAME} and {@code
 * MLFLOW_TRACKING_PASSWORD}, or {@code MLFLOW_TRACKING_TOKEN}, itself.
 *
 * @param uri the server's base address, without a trailing slash
 */
record MlflowEndpoint(
    String uri, Optional<String> user, Optional<String> password, Optional<String> token) {

  static MlflowEndpoint of(String uri, Map<String, String> env) {
    return new MlflowEndpoint(
        uri.replaceAll("/+$", ""),
        Optional.ofNullable(env.get("MLFLOW_TRACKING_USERNAME")),
        Optional.ofNullable(env.get("MLFLOW_TRACKING_PASSWORD")),
        Optional.ofNullable(env.get("MLFLOW_TRACKING_TOKEN")));
  }

  BasicMlflowHostCreds hostCreds() {
    if (user.isPresent() && password.isPresent()) {
      return new BasicMlflowHostCreds(uri, user.get(), password.get());
    }
    return token
        .map(t -> new BasicMlflowHostCreds(uri, t))
        .orElseGet(() -> new BasicMlflowHostCreds(uri));
  }

  /** The Authorization header value for Nash's own HTTP calls, if credentials are set. */
  Optional<String> authorization() {
    if (user.isPresent() && password.isPresent()) {
      String pair = user.get() + ":" + password.get();
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return token.map(t -> "Bearer " + t);
  }

  /** Never show credentials. */
  @Override
  public String toString() {
    return uri;
  }
}
