package org.nashlab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A sweep's trials as a table: key, factor values, seed. */
final class SweepTable {
  private SweepTable() {}

  static List<String> header(SweepPlan plan) {
    List<String> header = new ArrayList<>(List.of("#", "key"));
    header.addAll(factorKeys(plan));
    header.add("seed");
    return header;
  }

  static List<String> factorKeys(SweepPlan plan) {
    List<String> keys = new ArrayList<>(plan.sweep().grid().keySet());
    keys.addAll(plan.sweep().random().keySet());
    return keys;
  }

  static List<List<String>> rows(SweepPlan plan) {
    List<List<String>> rows = new ArrayList<>();
    for (SweepPlan.Trial trial : plan.trials()) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(trial.plan().index()));
      row.add(trial.key());
      for (String key : factorKeys(plan)) {
        row.add(FactorValues.label(key, trial.plan().factors().get(key)));
      }
      row.add(Long.toString(trial.plan().seed()));
      rows.add(row);
    }
    return rows;
  }

  /** The table as aligned text, for {@code --dry-run}. */
  static String text(SweepPlan plan) {
    return TextTable.render(header(plan), rows(plan));
  }

  /** The table as CSV (RFC 4180), for the parent run's artifact. */
  static String csv(SweepPlan plan) {
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
      printer.printRecord(header(plan));
      for (List<String> row : rows(plan)) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return csv.toString();
  }
}
