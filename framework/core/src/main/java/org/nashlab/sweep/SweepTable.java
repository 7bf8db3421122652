package org.nashlab.sweep;

import java.util.ArrayList;
import java.util.List;

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
        row.add(FactorValues.label(trial.plan().factors().get(key)));
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

  /** The table as CSV, for the parent run's artifact. */
  static String csv(SweepPlan plan) {
    StringBuilder csv = new StringBuilder(String.join(",", header(plan))).append('\n');
    for (List<String> row : rows(plan)) {
      csv.append(String.join(",", row.stream().map(SweepTable::quoted).toList())).append('\n');
    }
    return csv.toString();
  }

  private static String quoted(String cell) {
    return cell.contains(",") || cell.contains("\"")
        ? "\"" + cell.replace("\"", "\"\"") + "\""
        : cell;
  }
}
