package org.nashlab.cli;

import java.util.List;
import java.util.function.Function;
import org.nashlab.plugin.ParameterSpec;

/**
 * One plugin's parameters as aligned rows: key, type, default and doc. Each column is as wide as
 * its longest cell (and no narrower than the built-ins need), so a long enum type shifts only its
 * own plugin's table.
 */
final class ParameterTable {
  private static final int KEY = 22;
  private static final int TYPE = 14;
  private static final int DEFAULT = 10;

  private ParameterTable() {}

  static List<String> rows(List<ParameterSpec> parameters) {
    int key = width(parameters, ParameterSpec::key, KEY);
    int type = width(parameters, ParameterSpec::typeName, TYPE);
    int value = width(parameters, ParameterTable::shownDefault, DEFAULT);
    String row = "      %-" + key + "s %-" + type + "s %-" + value + "s %s";
    return parameters.stream()
        .map(
            p ->
                String.format(row, p.key(), p.typeName(), shownDefault(p), p.doc()).stripTrailing())
        .toList();
  }

  private static String shownDefault(ParameterSpec p) {
    return p.readDefault().map(v -> v.isEmpty() ? "\"\"" : v).orElse("(required)");
  }

  private static int width(
      List<ParameterSpec> parameters, Function<ParameterSpec, String> cell, int least) {
    return Math.max(
        least, parameters.stream().mapToInt(p -> cell.apply(p).length()).max().orElse(0));
  }
}
