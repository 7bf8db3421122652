package org.nashlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashlab.config.ConfigError;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.plugin.Suggestions;

/** Splits a report's runs into groups by factor values, in the order the runs came. */
final class Grouping {
  private Grouping() {}

  /** The groups, and which one is the baseline. */
  record Groups(List<Group> groups, Group baseline) {}

  /**
   * @throws InvalidConfigException when a group-by factor is not one the runs carry, or the
   *     baseline names no group
   */
  static Groups of(ReportSpec spec, List<ReportRun> runs) {
    Set<String> factors = new LinkedHashSet<>();
    runs.forEach(r -> factors.addAll(r.factors().keySet()));
    List<String> by = spec.groupBy(List.copyOf(factors));
    List<ConfigError> errors = new ArrayList<>();
    for (String key : by) {
      if (!factors.contains(key)) {
        errors.add(
            new ConfigError(
                spec.file().toString(),
                "group-by",
                "'"
                    + key
                    + "' is not a factor of the runs"
                    + Suggestions.hint(key, "Factors", factors)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    for (ReportRun run : runs) {
      List<String> missing = by.stream().filter(k -> !run.factors().containsKey(k)).toList();
      if (!missing.isEmpty()) {
        errors.add(
            new ConfigError(
                spec.file().toString(),
                "group-by",
                "run "
                    + run.id()
                    + " of sweep "
                    + run.sweep()
                    + " carries no "
                    + missing
                    + ": an earlier version of the sweep logged it; run the sweep again to report on"
                    + " its current trials"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    Map<Map<String, String>, List<ReportRun>> byValues = new LinkedHashMap<>();
    for (ReportRun run : runs) {
      Map<String, String> values = new LinkedHashMap<>();
      by.forEach(key -> values.put(key, run.factors().get(key)));
      byValues.computeIfAbsent(values, v -> new ArrayList<>()).add(run);
    }
    List<Group> groups = new ArrayList<>();
    byValues.forEach((values, members) -> groups.add(new Group(values, members)));
    if (groups.isEmpty()) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(spec.file().toString(), "sweeps", "the sweeps have no trials yet")));
    }
    Group baseline =
        spec.baselineGroup()
            .map(
                wanted ->
                    groups.stream()
                        .filter(g -> g.factors().equals(wanted))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                new InvalidConfigException(
                                    List.of(
                                        new ConfigError(
                                            spec.file().toString(),
                                            "baseline",
                                            wanted
                                                + " is not a group; the groups are "
                                                + groups.stream().map(Group::label).toList())))))
            .orElse(groups.get(0));
    return new Groups(groups, baseline);
  }
}
