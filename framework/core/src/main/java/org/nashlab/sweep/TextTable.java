package org.nashlab.sweep;

import java.util.List;
import org.nashlab.report.Escaping;

/**
 * Columns padded to their widest cell, as a Markdown table: a cell's pipes are escaped and its line
 * breaks shown as {@code \n}, so no value can break a row.
 */
final class TextTable {
  private TextTable() {}

  static String render(List<String> writtenHeader, List<List<String>> written) {
    List<String> header = writtenHeader.stream().map(Escaping::markdownCell).toList();
    List<List<String>> rows =
        written.stream().map(row -> row.stream().map(Escaping::markdownCell).toList()).toList();
    int[] widths = new int[header.size()];
    for (int c = 0; c < header.size(); c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    StringBuilder rule = new StringBuilder("|");
    for (int width : widths) {
      rule.append('-').append("-".repeat(width)).append("-|");
    }
    out.append(rule).append('\n');
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int c = 0; c < cells.size(); c++) {
      out.append(' ').append(String.format("%-" + widths[c] + "s", cells.get(c))).append(" |");
    }
    out.append('\n');
  }
}
