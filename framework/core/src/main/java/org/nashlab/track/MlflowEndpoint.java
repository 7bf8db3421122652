package org.nashlab.track;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * A tracking server and the credentials to use with it. The MLflow Java client ignores the
 * credential environment variables, so Nash reads {@code MLFLOW_TRACKING_USERNAME} and {@code
 * MLFLOW_TRACKING_PASSWORD}, or {@code MLFLOW_TRACKING_TOKEN}, itself. User information in the
 * address ({@code http://user:secret@host}) is taken out of it and sent the same way, when those
 * variables do not say otherwise: the address Nash prints and logs never carries it.
 *
 * @param uri the server's base address, without user information or a trailing slash
 */
record MlflowEndpoint(
    String uri, Optional<String> user, Optional<String> password, Optional<String> token) {
  /** scheme://, user, password (optional), the rest from the host on. */
  private static final Pattern USER_INFO =
      Pattern.compile(
          "([A-Za-z][A-Za-z0-9+.-]*://)([^/@:?#]*)(?::([^/@?#]*))?@(.*)", Pattern.DOTALL);

  static MlflowEndpoint of(String uri, Map<String, String> env) {
    Optional<String> user = Optional.ofNullable(env.get("MLFLOW_TRACKING_USERNAME"));
    Optional<String> password = Optional.ofNullable(env.get("MLFLOW_TRACKING_PASSWORD"));
    String address = uri;
    Matcher m = USER_INFO.matcher(uri);
    if (m.matches()) {
      address = m.group(1) + m.group(4);
      if (user.isEmpty() && password.isEmpty() && m.group(3) != null) {
        user = Optional.of(decoded(m.group(2)));
        password = Optional.of(decoded(m.group(3)));
      }
    }
    return new MlflowEndpoint(
        address.replaceAll("/+$", ""),
        user,
        password,
        Optional.ofNullable(env.get("MLFLOW_TRACKING_TOKEN")));
  }

  private static String decoded(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
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
