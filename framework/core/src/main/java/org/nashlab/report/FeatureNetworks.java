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
 * through the same network ({@code nash.features}): a report mixing networks is refused, naming
 * which groups used which.
 */
final class FeatureNetworks {
  private FeatureNetworks() {}

  /** The one feature network of the runs, if they used one. */
  static java.util.Optional<String> check(ReportSpec spec, List<Group> groups) {
    boolean featureMetrics = spec.metrics().stream().anyMatch(m -> m.key().startsWith("eval/"));
    Map<String, Set<String>> groupsByNetwork = new LinkedHashMap<>();
    for (Group group : groups) {
      for (ReportRun run : group.runs()) {
        groupsByNetwork
            .computeIfAbsent(run.features().orElse("none"), n -> new LinkedHashSet<>())
            .add(group.label());
      }
    }
    if (featureMetrics && groupsByNetwork.size() > 1) {
      StringBuilder which = new StringBuilder();
      groupsByNetwork.forEach(
          (network, names) ->
              which.append(which.isEmpty() ? "" : "; ").append(network).append(": ").append(names));
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  spec.file().toString(),
                  "metrics",
                  "the runs saw samples through different feature networks, so their eval/ metrics"
                      + " are not comparable ("
                      + which
                      + "); report each network's runs separately")));
    }
    return groupsByNetwork.keySet().stream().filter(n -> !n.equals("none")).findFirst();
  }
}
