package org.nashlab.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashlab.config.ConfigError;
import org.nashlab.config.InvalidConfigException;

/**
 * Feature metrics (FID, KID, precision, ...) are comparable only between runs that saw samples
 * through the same network: {@code nash.features} for {@code eval/} keys, {@code
 * nash.features/eval-FEATURES} for those a re-evaluation logged through another network. A report
 * mixing networks within one namespace is refused, naming which groups used which.
 */
final class FeatureNetworks {
  private FeatureNetworks() {}

  /**
   * The feature network of each namespace the report's metrics read, as one line ({@code id}, or
   * {@code eval: id; eval-inception-graphdef: id}), if they read any.
   */
  static java.util.Optional<String> check(ReportSpec spec, List<Group> groups) {
    Set<String> namespaces = new LinkedHashSet<>();
    for (MetricSpec metric : spec.metrics()) {
      String namespace = metric.key().split("/", 2)[0];
      if (namespace.equals("eval") || namespace.startsWith("eval-")) {
        namespaces.add(namespace);
      }
    }
    Map<String, String> used = new LinkedHashMap<>();
    for (String namespace : namespaces) {
      Map<String, Set<String>> groupsByNetwork = new LinkedHashMap<>();
      for (Group group : groups) {
        for (ReportRun run : group.runs()) {
          groupsByNetwork
              .computeIfAbsent(
                  run.features().getOrDefault(namespace, "none"), n -> new LinkedHashSet<>())
              .add(group.label());
        }
      }
      if (groupsByNetwork.size() > 1) {
        StringBuilder which = new StringBuilder();
        groupsByNetwork.forEach(
            (network, names) ->
                which
                    .append(which.isEmpty() ? "" : "; ")
                    .append(network)
                    .append(": ")
                    .append(names));
        throw new InvalidConfigException(
            List.of(
                new ConfigError(
                    spec.file().toString(),
                    "metrics",
                    "the runs saw samples through different feature networks, so their "
                        + namespace
                        + "/ metrics are not comparable ("
                        + which
                        + "); report each network's runs separately")));
      }
      groupsByNetwork.keySet().stream()
          .filter(n -> !n.equals("none"))
          .findFirst()
          .ifPresent(network -> used.put(namespace, network));
    }
    if (used.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        used.size() == 1 && used.containsKey("eval")
            ? used.get("eval")
            : String.join(
                "; ",
                used.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
  }
}
