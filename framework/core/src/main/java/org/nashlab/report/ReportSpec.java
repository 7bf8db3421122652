package org.nashlab.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.config.PluginChoice;

/**
 * A report file, read and checked.
 *
 * @param name the report's name: its folder under {@code out}
 * @param file the file it was read from (a report file, or the sweep file holding a {@code report:}
 *     section)
 * @param sweeps the sweeps whose trials it compares
 * @param filter a tracker search filter: when set, the trials of the sweeps' experiments that match
 *     it, whichever sweep run they belong to, instead of each sweep's current trials
 * @param groupBy the factors that make a group; empty for every factor of the sweeps but the seed
 * @param baseline the group every other is compared with, by factor label; empty for the first
 * @param metrics the columns
 * @param resamples bootstrap resamples per interval
 * @param seed the bootstrap's seed
 * @param tracker where the runs are read from
 * @param out the folder the report is written to
 */
public record ReportSpec(
    String name,
    Path file,
    List<String> sweeps,
    Optional<String> filter,
    List<String> groupBy,
    Map<String, String> baseline,
    List<MetricSpec> metrics,
    int resamples,
    long seed,
    PluginChoice tracker,
    Path out) {
  public ReportSpec {
    sweeps = List.copyOf(sweeps);
    groupBy = List.copyOf(groupBy);
    baseline = Map.copyOf(baseline);
    metrics = List.copyOf(metrics);
  }

  /** This report read from the tracker of {@code tracker}, as a sweep's runs were logged. */
  public ReportSpec withTracker(PluginChoice tracker) {
    return new ReportSpec(
        name, file, sweeps, filter, groupBy, baseline, metrics, resamples, seed, tracker, out);
  }

  /** The factors that make a group, given the factors the runs carry. */
  List<String> groupBy(List<String> factors) {
    return groupBy.isEmpty() ? factors : groupBy;
  }

  Optional<Map<String, String>> baselineGroup() {
    return baseline.isEmpty() ? Optional.empty() : Optional.of(baseline);
  }
}
