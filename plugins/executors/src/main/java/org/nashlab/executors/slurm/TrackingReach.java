package org.nashlab.executors.slurm;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.EnvironmentException;

/**
 * Refuses to submit trials that would log to an MLflow server only this machine can reach: a
 * loopback address (Nash's local server, when {@code MLFLOW_TRACKING_URI} is unset, listens on
 * 127.0.0.1) while the cluster has nodes other than this one.
 */
final class TrackingReach {
  private TrackingReach() {}

  /**
   * @throws EnvironmentException saying how to run a server the nodes reach, if they cannot
   */
  static void require(Map<String, String> env) {
    problem(env.getOrDefault("MLFLOW_TRACKING_URI", ""), SlurmCommands.nodes(), shortHostname())
        .ifPresent(
            problem -> {
              throw new EnvironmentException(problem);
            });
  }

  /** What is wrong with logging to {@code uri} from {@code nodes}, seen from host {@code here}. */
  static Optional<String> problem(String uri, List<String> nodes, String here) {
    String host = uri.isEmpty() ? "127.0.0.1" : URI.create(uri).getHost();
    if (host == null || !loopback(host) || nodes.stream().allMatch(n -> n.equals(here))) {
      return Optional.empty();
    }
    String where = uri.isEmpty() ? "Nash's local MLflow server on 127.0.0.1" : uri;
    return Optional.of(
        "the trials would log to "
            + where
            + ", which only this machine reaches, from the cluster's nodes "
            + (nodes.size() > 4
                ? nodes.subList(0, 4) + " and " + (nodes.size() - 4) + " more"
                : nodes)
            + ". Run an MLflow server they can reach, such as: mlflow server --host 0.0.0.0"
            + " --port 5000 --allowed-hosts "
            + here
            + ":5000 --app-name basic-auth; then set MLFLOW_TRACKING_URI=http://"
            + here
            + ":5000 (and MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD) and run the sweep"
            + " again");
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String shortHostname() {
    try {
      return InetAddress.getLocalHost().getHostName().split("\\.")[0];
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
