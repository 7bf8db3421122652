package org.nashlab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code runs.csv}: one row per run, with every factor, its outcome and each reduced metric. */
final class RunsCsv {
  private RunsCsv() {}

  static String of(Report report) {
    Set<String> factors = new LinkedHashSet<>();
    report.runs().forEach(r -> factors.addAll(r.factors().keySet()));
    List<String> header = new ArrayList<>(List.of("run", "sweep", "group", "seed"));
    header.addAll(factors);
    header.add("failure");
    report.spec().metrics().forEach(m -> header.add(m.label()));
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
      printer.printRecord(header);
      for (Group group : report.groups()) {
        for (ReportRun run : group.runs()) {
          List<String> row =
              new ArrayList<>(List.of(run.id(), run.sweep(), group.label(), run.seed()));
          factors.forEach(f -> row.add(run.factors().getOrDefault(f, "")));
          row.add(run.failure().orElse(""));
          for (MetricSpec metric : report.spec().metrics()) {
            var value = run.value(metric);
            row.add(value.isPresent() ? Double.toString(value.getAsDouble()) : "");
          }
          printer.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return csv.toString();
  }
}
