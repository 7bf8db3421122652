package org.nashlab.track;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.nashlab.api.EnvironmentException;
import org.nashlab.config.Secrets;

/**
 * A tracking server and the credentials to use with it. The MLflow Java client ignores the
 * credential environment variables, so Nash reads {@code MLFLOW_TRACKING_USERNAME} and {@code
 * MLFLOW_TRACKING_PASSWORD}, or {@code MLFLOW_TRACKING_TOKEN}, itself. User information in the
 * address ({@code http://user:secret@host}, percent-encoded) is taken out of it and sent the same
 * way unless those variables set a user or password: the address Nash prints and logs never carries
 * it. An address whose user information was masked ({@code http://***@host}, as a checkpoint keeps
 * it) needs the credentials from those variables.
 *
 * @param uri the server's base address, without user information or a trailing slash
 */
record MlflowEndpoint(
    String uri, Optional<String> user, Optional<String> password, Optional<String> token) {

  /**
   * @param origin where the address came from ({@code tracking.uri}, {@code MLFLOW_TRACKING_URI}),
   *     for messages, which never repeat the address itself
   * @throws EnvironmentException if the address is not a URI or its user information is unusable
   */
  static MlflowEndpoint of(String address, String origin, Map<String, String> env) {
    Optional<String> user = Optional.ofNullable(env.get("MLFLOW_TRACKING_USERNAME"));
    Optional<String> password = Optional.ofNullable(env.get("MLFLOW_TRACKING_PASSWORD"));
    Optional<String> token = Optional.ofNullable(env.get("MLFLOW_TRACKING_TOKEN"));
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw new EnvironmentException(
          "the MLflow address in "
              + origin
              + " is not a URI ("
              + e.getReason()
              + " at character "
              + e.getIndex()
              + "); percent-encode its user information");
    }
    String info = uri.getRawUserInfo();
    String base = address;
    if (info != null) {
      base = address.replaceFirst(Pattern.quote(info + "@"), "");
      boolean fromEnvironment = user.isPresent() || password.isPresent() || token.isPresent();
      if (info.equals(Secrets.MASK) && !fromEnvironment) {
        throw new EnvironmentException(
            "the MLflow address in "
                + origin
                + " had credentials, which Nash never writes down; set MLFLOW_TRACKING_USERNAME"
                + " and MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN) to continue this run");
      }
      if (!info.equals(Secrets.MASK) && !fromEnvironment) {
        int colon = info.indexOf(':');
        if (colon < 0) {
          throw new EnvironmentException(
              "the MLflow address in "
                  + origin
                  + " has a user but no password; write user:password, or put a token in"
                  + " MLFLOW_TRACKING_TOKEN");
        }
        user = Optional.of(decoded(info.substring(0, colon), origin));
        password = Optional.of(decoded(info.substring(colon + 1), origin));
      }
    }
    return new MlflowEndpoint(base.replaceAll("/+$", ""), user, password, token);
  }

  private static String decoded(String part, String origin) {
    try {
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new EnvironmentException(
          "the user information of the MLflow address in "
              + origin
              + " is not percent-encoded (write % as %25)");
    }
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
